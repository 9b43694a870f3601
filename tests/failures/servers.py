"""Real parts for the failure report tests: an SMTP server (aiosmtpd) and a webhook receiver, both on loopback."""

from __future__ import annotations

import json
import ssl
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

SUPPORT = ("support@fuel-stats.test", "oncall@fuel-stats.test")
WEBHOOK_SECRET = "webhook-signing-key"


def eventually(check: Callable[[], Any], timeout: float = 15.0, what: str = "the condition") -> Any:
    """Poll ``check`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout} s")
        time.sleep(0.05)


@dataclass
class Inbox:
    """What an aiosmtpd server received: (envelope sender, recipients, parsed message)."""

    received: list[tuple[str, list[str], EmailMessage]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), message))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"

    @property
    def messages(self) -> list[EmailMessage]:
        return [message for _, _, message in self.received]


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost, and its key, made by Debian's openssl."""
    certificate, key = directory / "smtp-cert.pem", directory / "smtp-key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(certificate)], check=True, capture_output=True)
    return certificate, key


class SmtpServer:
    """aiosmtpd on a fixed loopback port that a test can stop and start again; with ``credentials``
    it takes mail only after AUTH with them; with ``tls`` (``starttls`` or ``ssl``, a certificate and
    its key) only over TLS."""

    def __init__(self, port: int, credentials: tuple[str, str] | None = None,
                 tls: tuple[str, Path, Path] | None = None) -> None:
        self.port = port
        self.credentials = credentials
        self.tls = tls
        self.inbox = Inbox()
        self._controller: Controller | None = None

    def _authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        given = (auth_data.login.decode(), auth_data.password.decode())
        return AuthResult(success=given == self.credentials, handled=False)

    def start(self) -> None:
        if self.tls is not None:
            mode, certificate, key = self.tls
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(certificate, key)
            options = {"ssl_context": context} if mode == "ssl" else {"tls_context": context, "require_starttls": True}
            self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port, **options)
        elif self.credentials is None:
            self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        else:
            # Loopback in a test: AUTH without TLS is allowed here, and nothing is taken without it.
            self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port,
                                          authenticator=self._authenticate, auth_required=True,
                                          auth_require_tls=False)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@dataclass
class WebhookCall:
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class WebhookReceiver:
    """A tiny HTTP server on loopback that records every POST; it can be told to fail the next ones."""

    def __init__(self) -> None:
        self.calls: list[WebhookCall] = []
        self.failures_to_give = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if receiver.failures_to_give > 0:
                    receiver.failures_to_give -= 1
                    self.send_response(503)
                    self.end_headers()
                    self.wfile.write(b"busy")
                    return
                receiver.calls.append(WebhookCall({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/fuel-failures"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
