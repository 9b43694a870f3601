"""A genuine Elasticsearch node of our own, from Elastic's test distribution on Maven Central.

The zip (`org.elasticsearch.distribution.integ-test-zip:elasticsearch:VERSION:zip`) is fetched with
the machine's Maven (so it is cached in ~/.m2), unpacked under .cache/, and run with the machine's
JDK on loopback with a bounded heap. Elasticsearch refuses to run as root: when we are root the node
runs as a system account of its own, which owns only the node's folder.

That distribution is minimal: no scripting, no _reindex or _delete_by_query, only the standard,
simple, whitespace, stop and keyword analyzers. fuel-stats uses none of the missing parts.

    python -m tools.locales start --dir .local/es --port 9200
    python -m tools.locales stop --dir .local/es
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

VERSION = "8.19.21"
ARTIFACT = f"org.elasticsearch.distribution.integ-test-zip:elasticsearch:{VERSION}:zip"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1"
REPOSITORY_ROOT = Path(__file__).resolve().parents[1]
CACHE = REPOSITORY_ROOT / ".cache"
SERVER_ACCOUNT = "fuelstats-es"


class LocalElasticsearchError(RuntimeError):
    pass


def _running_as_root() -> bool:
    return os.geteuid() == 0


def apt_install(package: str) -> None:
    """Install a Debian package (as root; otherwise say how)."""
    if not _running_as_root():
        raise LocalElasticsearchError(f"{package} is missing: run `sudo apt-get install -y {package}`")
    print(f"locales: installing Debian package {package}", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", package],
                   check=True, env=env, stdout=subprocess.DEVNULL)


def java_home() -> Path:
    """The machine's JDK (17 or newer), installing Debian's when there is none."""
    java = shutil.which("java")
    if java is None:
        apt_install("openjdk-17-jdk-headless")
        java = shutil.which("java")
    if java is None:
        raise LocalElasticsearchError("no java on PATH")
    return Path(java).resolve().parents[1]


def distribution_zip() -> Path:
    """The distribution's zip in Maven's local repository, fetched once."""
    group, artifact, version, _ = ARTIFACT.split(":")
    cached = (Path.home() / ".m2" / "repository" / group.replace(".", "/") / artifact / version
              / f"{artifact}-{version}.zip")
    if cached.exists():
        return cached
    if shutil.which("mvn") is None:
        apt_install("maven")
    result = subprocess.run(
        ["mvn", "-B", "-q", f"{DEPENDENCY_PLUGIN}:get", f"-Dartifact={ARTIFACT}", "-Dtransitive=false"],
        capture_output=True, text=True, cwd="/tmp",
    )
    if result.returncode != 0 or not cached.exists():
        raise LocalElasticsearchError(f"mvn could not fetch {ARTIFACT}: {(result.stdout + result.stderr)[-2000:]}")
    return cached


def elasticsearch_home() -> Path:
    """The unpacked distribution under .cache/, unpacked once."""
    home = CACHE / f"elasticsearch-{VERSION}"
    if (home / "bin" / "elasticsearch").exists():
        return home
    CACHE.mkdir(exist_ok=True)
    partial = CACHE / f"elasticsearch-{VERSION}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    with zipfile.ZipFile(distribution_zip()) as archive:
        archive.extractall(partial)
    for path in (partial / f"elasticsearch-{VERSION}").rglob("*"):
        # zipfile drops permissions; the launchers and the JDK helpers must stay executable.
        if path.parent.name == "bin" or path.suffix == ".sh" or "native" in path.parts:
            path.chmod(0o755)
    (partial / f"elasticsearch-{VERSION}").rename(home)
    partial.rmdir()
    return home


def _ensure_account() -> None:
    if subprocess.run(["id", SERVER_ACCOUNT], capture_output=True).returncode != 0:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVER_ACCOUNT],
                       check=True)


@dataclass(frozen=True)
class Node:
    directory: Path
    port: int
    heap: str = "512m"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def snapshot_dir(self) -> Path:
        """The folder snapshot repositories may live in (path.repo; docs/backups.md)."""
        return self.directory / "snapshots"

    @property
    def pidfile(self) -> Path:
        return self.directory / "es.pid"

    def pid(self) -> int | None:
        """The node's process, while it runs."""
        try:
            pid = int(self.pidfile.read_text().strip())
            os.kill(pid, 0)
        except (OSError, ValueError):
            return None
        return pid

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_cluster/health", timeout=2) as response:
                return json.load(response)["status"] in {"green", "yellow"}
        except (urllib.error.URLError, OSError, ValueError, KeyError):
            return False

    def start(self, timeout: float = 120.0) -> None:
        if self.pid() is not None and self.healthy():
            return
        home = elasticsearch_home()
        config = self.directory / "config"
        for sub in ("data", "logs", "tmp", "snapshots"):
            (self.directory / sub).mkdir(parents=True, exist_ok=True)
        shutil.rmtree(config, ignore_errors=True)
        shutil.copytree(home / "config", config)
        (config / "elasticsearch.yml").write_text(
            "\n".join([
                "cluster.name: fuelstats",
                f"path.data: {self.directory / 'data'}",
                f"path.logs: {self.directory / 'logs'}",
                f"path.repo: {self.snapshot_dir}",
                "network.host: 127.0.0.1",
                f"http.port: {self.port}",
                "transport.port: 0",
                "discovery.type: single-node",
                # The zip carries x-pack security; on loopback it only gets in the way.
                "xpack.security.enabled: false",
                "action.destructive_requires_name: false",
                "",
            ])
        )
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(self.directory),
            "ES_JAVA_HOME": str(java_home()),
            "ES_PATH_CONF": str(config),
            "ES_TMPDIR": str(self.directory / "tmp"),
            "ES_JAVA_OPTS": f"-Xms{self.heap} -Xmx{self.heap}",
        }
        command = [str(home / "bin" / "elasticsearch"), "-d", "-p", str(self.pidfile)]
        if _running_as_root():
            _ensure_account()
            self.directory.chmod(0o755)
            subprocess.run(["chown", "-R", f"{SERVER_ACCOUNT}:", str(self.directory)], check=True)
            command = ["runuser", "-u", SERVER_ACCOUNT, "--", "env", "-i", *(f"{k}={v}" for k, v in env.items()),
                       *command]
            env = {}
        result = subprocess.run(command, env=env or None, capture_output=True, text=True, cwd=str(self.directory),
                                timeout=timeout)
        if result.returncode != 0:
            raise LocalElasticsearchError(f"elasticsearch did not start: {(result.stdout + result.stderr)[-3000:]}")
        deadline = time.monotonic() + timeout
        while not self.healthy():
            if time.monotonic() > deadline:
                raise LocalElasticsearchError(f"elasticsearch on port {self.port} did not become healthy; "
                                              f"see {self.directory / 'logs'}")
            time.sleep(0.3)

    def stop(self, timeout: float = 30.0) -> None:
        pid = self.pid()
        if pid is None:
            return
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while self.pid() is not None and time.monotonic() < deadline:
            time.sleep(0.2)
        if self.pid() is not None:
            os.kill(pid, signal.SIGKILL)
        self.pidfile.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="locales", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    start = sub.add_parser("start", help="fetch (once), unpack (once) and start the node; print its URL")
    start.add_argument("--dir", type=Path, required=True)
    start.add_argument("--port", type=int, default=9200)
    start.add_argument("--heap", default="512m")
    stop = sub.add_parser("stop", help="stop the node")
    stop.add_argument("--dir", type=Path, required=True)
    sub.add_parser("fetch", help="only fetch and unpack the distribution")
    args = parser.parse_args(argv)
    try:
        if args.command == "fetch":
            print(elasticsearch_home())
        elif args.command == "start":
            node = Node(args.dir.resolve(), args.port, args.heap)
            node.start()
            print(node.url)
        else:
            Node(args.dir.resolve(), 0).stop()
    except (LocalElasticsearchError, subprocess.CalledProcessError, OSError) as error:
        print(f"locales: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
