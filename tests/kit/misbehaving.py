"""A real HTTP server on loopback that stands between the sender and the collector, and misbehaves.

Each request is handled by the mode it finds at that moment:

| mode | does |
| --- | --- |
| `forward` | passes the request to the collector and its answer back |
| `error-500`, `error-503` | answers the status, without asking the collector |
| `garbage` | answers 200 with HTML |
| `huge` | answers 200 with 8 MiB of JSON whitespace, no Content-Length |
| `wrong-shape` | answers 200 with JSON that names no record |
| `slow` | waits `delay` seconds, then forwards |
| `cut-before` | closes the connection without a word, the collector never asked |
| `cut-after` | forwards (the collector stores), then closes the connection without answering |
| `cut-mid-answer` | forwards, then sends half of the answer and closes |
| `hang-after` | forwards, then holds the answer until the server stops |
| `slow-answer` | forwards, then waits `delay` seconds before answering |

`modes` can also be a list: the n-th POST gets the n-th mode, the last one repeats. Pings are
always forwarded unless `ping_mode` says otherwise.
"""

from __future__ import annotations

import http.client
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class Misbehaving(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream: str, modes: str | list[str], ping_mode: str = "forward", delay: float = 5.0) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.upstream = urlsplit(upstream)
        self.modes = [modes] if isinstance(modes, str) else list(modes)
        self.ping_mode = ping_mode
        self.delay = delay
        self.posts = 0
        self.received: list[tuple[str, bytes]] = []  # every POST's path and body, in order
        self.forwarded = 0
        self.forwarded_event = threading.Event()  # set each time the collector answered a forwarded POST
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> Misbehaving:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()

    def mode_for(self, method: str) -> str:
        if method == "GET":
            return self.ping_mode
        with self.lock:
            self.posts += 1
            return self.modes[min(self.posts, len(self.modes)) - 1]

    def forward(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, list, bytes]:
        connection = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port, timeout=30)
        try:
            connection.request(method, path, body=body or None, headers=headers)
            response = connection.getresponse()
            answer = (response.status, response.getheaders(), response.read())
        finally:
            connection.close()
        if method == "POST":
            with self.lock:
                self.forwarded += 1
            self.forwarded_event.set()
        return answer


class _Handler(BaseHTTPRequestHandler):
    server: Misbehaving

    def log_message(self, *_: object) -> None:  # quiet: pytest shows the sender's own log
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._handle()

    def do_POST(self) -> None:  # noqa: N802
        self._handle()

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        if self.command == "POST":
            with self.server.lock:
                self.server.received.append((self.path, body))
        mode = self.server.mode_for(self.command)
        headers = {name: value for name, value in self.headers.items()
                   if name.lower() in ("content-type", "master-node-uid", "user-agent")}
        if mode in ("error-500", "error-503"):
            return self._answer(int(mode[-3:]), [("Content-Type", "application/json")],
                                b'{"status": "error", "message": "down"}')
        if mode == "garbage":
            return self._answer(200, [("Content-Type", "text/html")], b"<html>502 Bad Gateway</html>")
        if mode == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            try:
                for _ in range(128):
                    self.wfile.write(b" " * 65536)
            except OSError:
                pass  # the sender stopped reading: as it should
            self.close_connection = True
            return None
        if mode == "wrong-shape":
            return self._answer(200, [("Content-Type", "application/json")],
                                b'{"status": "ok", "action_logs": [], "oswl_stats": []}')
        if mode == "cut-before":
            self.close_connection = True
            return None
        if mode == "slow":
            if self.server.stopping.wait(self.server.delay):
                return None
        status, answer_headers, answer = self.server.forward(self.command, self.path, headers, body)
        if mode == "cut-after":
            self.close_connection = True
            return None
        if mode == "slow-answer" and self.server.stopping.wait(self.server.delay):
            return None
        if mode == "hang-after":
            self.server.stopping.wait(120)
            self.close_connection = True
            return None
        if mode == "cut-mid-answer":
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer[: len(answer) // 2])
            self.wfile.flush()
            self.close_connection = True
            return None
        kept = [(name, value) for name, value in answer_headers if name.lower() in ("content-type", "retry-after")]
        return self._answer(status, kept, answer)

    def _answer(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def wait_for(condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)
