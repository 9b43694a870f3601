"""The collector as the sender sees it: the v1 calls through the generated client, and what their
answers mean. Anything but a well-formed answer is `CollectorUnavailable` (retry later) or
`CollectorRefused` (this request will never be accepted as it is; `CollectorUnauthorized` when
the collector does not take the master's signature, which no other request will change either).

The collector's certificate is always verified, against the system's authorities or the ones a CA
file names (FUELSTATS_COLLECTOR_CA_FILE); one that does not verify is `CollectorUntrusted`, which
no retry mends: a person must.

With the master's key, every request is signed (master_key.MasterKeyAuth) and `enrol` registers
the key with the collector; without one, requests go unsigned, as Fuel masters of the field send.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fuelstats_collector_client import Client
from fuelstats_collector_client.api.keys import enrol_master_key, rotate_master_key
from fuelstats_collector_client.api.v1 import (
    ping,
    post_action_logs,
    post_failure_report,
    post_installation_structure,
    post_oswl_stats,
)
from fuelstats_collector_client.models import (
    ActionLogsRequest,
    ActionLogsResponse,
    FailureReportRequest,
    FailureReportResponse,
    InstallationStructureRequest,
    MasterKeyRequest,
    MasterKeyResponse,
    OkResponse,
    OswlStatsRequest,
    OswlStatsResponse,
    PingResponse,
)
from fuelstats_collector_client.types import Response

from fuelstats_common import signatures
from fuelstats_kit.master_key import MasterKeyAuth

# Answers bigger than this are not the collector's: a batch's answer is a few bytes per record.
MAX_ANSWER_BYTES = 4 * 1024 * 1024


class CollectorUnavailable(Exception):
    """Down, slow, cut off, 5xx or an answer that makes no sense: try again later."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class CollectorUntrusted(CollectorUnavailable):
    """The collector's certificate does not verify (unknown authority, another name, expired): nothing
    reached it. Trying again within a run is pointless; the next run tries again."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"the collector's certificate is not trusted ({reason}): it must be signed by an authority"
                         " of the system's or of FUELSTATS_COLLECTOR_CA_FILE, for the collector URL's host name")


def _verification_failure(error: BaseException) -> str | None:
    """Why the certificate did not verify, when that is what `error` (or what caused it) is."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return str(seen.verify_message or seen.reason or seen).rstrip(".")
        seen = seen.__cause__ or seen.__context__
    return None


def tls_context(ca_file: Path | None) -> ssl.SSLContext:
    """Verification on, host names checked, TLS 1.2 at least; the system's authorities, or the file's alone."""
    context = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


class CollectorRefused(Exception):
    """A 4xx: the collector will not take this request as it is."""

    def __init__(self, status: int, message: str, rule: str | None = None) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.rule = rule


class CollectorUnauthorized(CollectorRefused):
    """401 (or a key conflict, 409): the collector does not take this master's signature; every other
    request would be refused alike, so a run stops (docs/security.md says what to do)."""


class _BoundedStream(httpx.SyncByteStream):
    """An answer's body that stops being read past MAX_ANSWER_BYTES, whatever Content-Length says."""

    def __init__(self, stream: httpx.SyncByteStream) -> None:
        self.stream = stream

    def __iter__(self) -> Iterator[bytes]:
        read = 0
        for chunk in self.stream:
            read += len(chunk)
            if read > MAX_ANSWER_BYTES:
                raise CollectorUnavailable(f"an answer of more than {MAX_ANSWER_BYTES} bytes")
            yield chunk

    def close(self) -> None:
        self.stream.close()


class _BoundedTransport(httpx.HTTPTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        assert isinstance(response.stream, httpx.SyncByteStream)
        return httpx.Response(response.status_code, headers=response.headers,
                              stream=_BoundedStream(response.stream), extensions=response.extensions)


def _client(url: str, timeout: float, ca_file: Path | None, auth: httpx.Auth | None) -> Client:
    client = Client(
        base_url=url.rstrip("/"), timeout=httpx.Timeout(timeout),
        headers={"User-Agent": "fuelstats-sender"},
        # The transport is ours, so it is the transport that verifies (the client's own setting is unused).
        httpx_args={"transport": _BoundedTransport(verify=tls_context(ca_file)), **({"auth": auth} if auth else {})},
    )
    # Made now: a mistake in its configuration must fail here, not pass for an unreadable answer.
    client.get_httpx_client()
    return client


class Collector:
    def __init__(self, url: str, master_node_uid: str, timeout: float, ca_file: Path | None = None,
                 key: Ed25519PrivateKey | None = None) -> None:
        self.url = url
        self.timeout = timeout
        self.ca_file = ca_file
        self.master_node_uid = master_node_uid
        self.key = key
        self.client = _client(url, timeout, ca_file, MasterKeyAuth(key) if key else None)

    def close(self) -> None:
        self.client.get_httpx_client().close()

    @property
    def signs(self) -> bool:
        return self.key is not None

    def _call(self, operation: Any, expected: tuple[type, ...], client: Client | None = None, **kwargs: Any) -> Any:
        try:
            response: Response[Any] = operation.sync_detailed(
                client=client or self.client, master_node_uid=self.master_node_uid, **kwargs)
        except httpx.HTTPError as error:  # refused, reset, timed out, cut mid-answer, ...
            untrusted = _verification_failure(error)
            if untrusted is not None:
                raise CollectorUntrusted(untrusted) from None
            raise CollectorUnavailable(f"{type(error).__name__}: {error}") from None
        except CollectorUnavailable:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            # The generated parser choked: not JSON (ValueError), or not the documented shape.
            raise CollectorUnavailable(f"unreadable answer: {type(error).__name__}: {error}") from None
        status = int(response.status_code)
        if status >= 500 or status in (408, 429):
            retry_after = response.headers.get("retry-after", "")
            raise CollectorUnavailable(f"HTTP {status}", float(retry_after) if retry_after.isdigit() else None)
        if status >= 400:
            message = getattr(response.parsed, "message", response.content[:200].decode("utf-8", "replace"))
            rule = getattr(response.parsed, "rule", None)
            rule = rule if isinstance(rule, str) else None
            if status == 401 or (status == 409 and rule == "key-conflict"):
                raise CollectorUnauthorized(status, message, rule)
            raise CollectorRefused(status, message, rule)
        if not isinstance(response.parsed, expected):
            raise CollectorUnavailable(f"HTTP {status} with an answer of another shape")
        if response.parsed.status.value != "ok":
            raise CollectorUnavailable(f"status {response.parsed.status.value!r}")
        return response.parsed

    def ping(self) -> None:
        self._call(ping, (PingResponse,))

    def _key_request(self, key: Ed25519PrivateKey) -> MasterKeyRequest:
        return MasterKeyRequest.from_dict({"master_node_uid": self.master_node_uid,
                                           "public_key": signatures.public_key_text(key.public_key())})

    def enrol(self) -> str:
        """Enrol the master's key (the collector trusts the first one; the same again changes nothing):
        `added` or `existed`."""
        assert self.key is not None, "enrolment needs the master's key"
        answer: MasterKeyResponse = self._call(enrol_master_key, (MasterKeyResponse,),
                                               body=self._key_request(self.key))
        return answer.enrolment.value

    def rotate(self, new_key: Ed25519PrivateKey) -> str:
        """Replace the enrolled key by ``new_key``, the request signed by both: `rotated` or `existed`
        (the collector has it already)."""
        assert self.key is not None, "a rotation is signed by the enrolled key"
        client = _client(self.url, self.timeout, self.ca_file, MasterKeyAuth(self.key, new_key))
        try:
            answer: MasterKeyResponse = self._call(rotate_master_key, (MasterKeyResponse,), client=client,
                                                   body=self._key_request(new_key))
        finally:
            client.get_httpx_client().close()
        return answer.enrolment.value

    def send_action_logs(self, records: list[dict[str, Any]]) -> dict[int, str]:
        """Send records ({master_node_uid, external_id, body}); the status of each, by external_id."""
        answer: ActionLogsResponse = self._call(
            post_action_logs, (ActionLogsResponse,), body=ActionLogsRequest.from_dict({"action_logs": records}))
        statuses = {item.external_id: item.status.value for item in answer.action_logs
                    if item.master_node_uid == self.master_node_uid}
        if set(statuses) != {record["external_id"] for record in records}:
            # Not an answer to what we sent: trust none of it.
            raise CollectorUnavailable("the answer does not name the records sent")
        return statuses

    def send_installation_structure(self, structure: dict[str, Any]) -> None:
        self._call(post_installation_structure, (OkResponse,),
                   body=InstallationStructureRequest.from_dict({"installation_structure": structure}))

    def send_oswl_stats(self, records: list[dict[str, Any]]) -> dict[int, str]:
        answer: OswlStatsResponse = self._call(
            post_oswl_stats, (OswlStatsResponse,), body=OswlStatsRequest.from_dict({"oswl_stats": records}))
        statuses = {item.id: item.status.value for item in answer.oswl_stats
                    if item.master_node_uid == self.master_node_uid}
        if set(statuses) != {record["id"] for record in records}:
            raise CollectorUnavailable("the answer does not name the records sent")
        return statuses

    def send_failure_report(self, report: dict[str, Any]) -> str:
        """Send a failure report (clients/kit/failure_reports.py); the collector's word on it:
        `added`, `existed` (it had it: a retry) or `without_contact`."""
        answer: FailureReportResponse = self._call(
            post_failure_report, (FailureReportResponse,),
            body=FailureReportRequest.from_dict({"failure_report": report}))
        if answer.report_id.lower() != report["report_id"].lower():
            raise CollectorUnavailable("the answer does not name the report sent")
        return answer.report.value
