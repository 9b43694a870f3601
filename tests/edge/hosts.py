"""Test hosts on other addresses: a network namespace joined to this machine by a veth pair.

The edge's tests need clients that are not this machine, and may send traffic only to loopback or
to hosts they make themselves. So they make one: a namespace with a few addresses of its own
(198.18.0.0/15, the range set aside for network tests), whose only way out is the veth link to the
root namespace side, where nginx listens. Whatever happens, `close` removes it all.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(["ip", *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"ip {' '.join(args)}: {result.stderr.strip()}")
    return result


@dataclass
class NamespaceHost:
    namespace: str
    root_link: str
    root_address: str  # this machine's end of the link: nginx listens here
    addresses: tuple[str, ...]  # the test host's own

    @classmethod
    def create(cls, count: int = 5) -> NamespaceHost:
        used = _ip("-o", "addr").stdout
        block = next(f"198.{18 + n // 256}.{n % 256}" for n in random.sample(range(512), 512)
                     if f" 198.{18 + n // 256}.{n % 256}." not in used)
        tag = f"{os.getpid() % 100000}{random.randrange(100)}"
        host = cls(namespace=f"fuelstats-edge-{tag}", root_link=f"fse{tag}r", root_address=f"{block}.1",
                   addresses=tuple(f"{block}.{2 + index}" for index in range(count)))
        try:
            _ip("netns", "add", host.namespace)
            _ip("link", "add", host.root_link, "type", "veth", "peer", "name", f"fse{tag}n")
            _ip("link", "set", f"fse{tag}n", "netns", host.namespace)
            _ip("addr", "add", f"{host.root_address}/29", "dev", host.root_link)
            _ip("link", "set", host.root_link, "up")
            for address in host.addresses:
                _ip("-n", host.namespace, "addr", "add", f"{address}/29", "dev", f"fse{tag}n")
            _ip("-n", host.namespace, "link", "set", f"fse{tag}n", "up")
            _ip("-n", host.namespace, "link", "set", "lo", "up")
        except BaseException:
            host.close()
            raise
        return host

    def close(self) -> None:
        # Deleting the namespace deletes its end of the pair, and with it ours; the link is deleted
        # by name as well in case the namespace never got its end.
        _ip("netns", "delete", self.namespace, check=False)
        _ip("link", "delete", self.root_link, check=False)

    def run(self, program: dict[str, Any], timeout: float = 60.0) -> list[dict[str, Any]]:
        """Run tests/edge/remote.py's `program` on the test host; its results."""
        result = subprocess.run(
            ["ip", "netns", "exec", self.namespace, sys.executable, "-m", "tests.edge.remote"],
            input=json.dumps(program), capture_output=True, text=True, cwd=REPOSITORY_ROOT, timeout=timeout)
        assert result.returncode == 0, result.stderr[-3000:]
        return json.loads(result.stdout)
