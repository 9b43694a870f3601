"""Start a fuel-stats service in the background for `make up`, and stop it for `make down`.

    python -m tools.service start --name collector --pidfile .local/collector.pid --log .local/collector.log \
        --ready http://127.0.0.1:8000/api/v1/ping/ -- fuelstats collector serve
    python -m tools.service stop --name collector --pidfile .local/collector.pid
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def running_pid(pidfile: Path) -> int | None:
    try:
        pid = int(pidfile.read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if _alive(pid) else None


def wait_ready(url: str, timeout: float, process: subprocess.Popen[bytes] | None = None) -> bool:
    """Whether ``url`` answers anything but a 5xx within ``timeout`` seconds (a 401 of a service that
    wants a login is an answer too)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status < 500:
                    return True
        except urllib.error.HTTPError as error:
            if error.code < 500:
                return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    return False


def start(name: str, pidfile: Path, log: Path, ready: str | None, command: list[str], timeout: float) -> int:
    if (pid := running_pid(pidfile)) is not None:
        print(f"{name}: already running (pid {pid})")
        return 0
    pidfile.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as log_file:
        process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    pidfile.write_text(str(process.pid))
    if ready is not None and not wait_ready(ready, timeout, process):
        print(f"{name}: did not become ready at {ready}; see {log}", file=sys.stderr)
        stop(name, pidfile)
        return 1
    print(f"{name}: running (pid {process.pid})")
    return 0


def stop(name: str, pidfile: Path, timeout: float = 20.0) -> int:
    pid = running_pid(pidfile)
    if pid is None:
        pidfile.unlink(missing_ok=True)
        return 0
    os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if _alive(pid):
        os.killpg(pid, signal.SIGKILL)
    pidfile.unlink(missing_ok=True)
    print(f"{name}: stopped")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="service", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="action", required=True)
    start_parser = sub.add_parser("start")
    start_parser.add_argument("--name", required=True)
    start_parser.add_argument("--pidfile", type=Path, required=True)
    start_parser.add_argument("--log", type=Path, required=True)
    start_parser.add_argument("--ready", help="URL that answers once the service is up")
    start_parser.add_argument("--timeout", type=float, default=60.0)
    start_parser.add_argument("command", nargs=argparse.REMAINDER)
    stop_parser = sub.add_parser("stop")
    stop_parser.add_argument("--name", required=True)
    stop_parser.add_argument("--pidfile", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.action == "start":
        command = args.command[1:] if args.command[:1] == ["--"] else args.command
        return start(args.name, args.pidfile, args.log, args.ready, command, args.timeout)
    return stop(args.name, args.pidfile)


if __name__ == "__main__":
    sys.exit(main())
