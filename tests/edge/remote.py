"""A client on the test host (tests/edge/hosts.py runs it there): a JSON program on stdin, results on stdout.

Requests, one after another or all at once, each on its own connection:
    {"ca": PEM, "source": ADDRESS, "timeout": SECONDS, "at_once": false,
     "requests": [{"method": "GET", "url": "https://...", "headers": {...}, "body": "..."}]}
    -> [{"status": 200, "headers": {...}, "body": "..."} | {"error": "ReadTimeout"}, ...]
Requests held open (the header sent, the body never finished), then what each got back:
    {"ca": PEM, "source": ADDRESS, "hold": {"host": ..., "port": ..., "path": ..., "count": N}}
    -> [{"status": 429, "headers": {...}, "body": "..."} | {"status": null}, ...]
"""

from __future__ import annotations

import json
import socket
import ssl
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx


def _request(spec: dict[str, Any], context: ssl.SSLContext, source: str, timeout: float) -> dict[str, Any]:
    transport = httpx.HTTPTransport(verify=context, local_address=source)
    try:
        with httpx.Client(transport=transport, timeout=timeout) as client:
            response = client.request(spec.get("method", "GET"), spec["url"], headers=spec.get("headers", {}),
                                      content=spec.get("body"))
    except httpx.HTTPError as error:
        return {"error": type(error).__name__}
    return {"status": response.status_code, "headers": dict(response.headers), "body": response.text[:2000]}


def _parse(raw: bytes) -> dict[str, Any]:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return {"status": int(lines[0].split()[1]), "headers": {k.lower(): v for k, v in headers.items()},
            "body": body.decode("utf-8", "replace")}


def _hold(spec: dict[str, Any], context: ssl.SSLContext, source: str) -> list[dict[str, Any]]:
    held = []
    try:
        for index in range(spec["count"]):
            raw = socket.create_connection((spec["host"], spec["port"]), timeout=10, source_address=(source, 0))
            connection = context.wrap_socket(raw, server_hostname=spec["host"])
            connection.sendall(
                f"POST {spec['path']} HTTP/1.1\r\nHost: {spec['host']}\r\nContent-Type: application/json\r\n"
                f"master-node-uid: held-{index}\r\nContent-Length: 1000\r\n\r\n{{".encode())
            held.append(connection)
        time.sleep(1.0)  # time for nginx to answer those it refuses
        results = []
        for connection in held:
            connection.setblocking(False)  # an answer, if any, has come by now
            try:
                raw_answer = connection.recv(65536)
            except OSError:  # ssl.SSLWantReadError among them: nothing to read
                raw_answer = b""
            results.append(_parse(raw_answer) if raw_answer else {"status": None})
        return results
    finally:
        for connection in held:
            connection.close()


def main() -> None:
    program = json.load(sys.stdin)
    context = ssl.create_default_context(cafile=program["ca"])
    source = program["source"]
    if "hold" in program:
        results = _hold(program["hold"], context, source)
    else:
        requests = program["requests"]
        timeout = program.get("timeout", 10.0)
        with ThreadPoolExecutor(max_workers=len(requests) if program.get("at_once") else 1) as pool:
            results = list(pool.map(lambda spec: _request(spec, context, source, timeout), requests))
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
