"""The front door: nginx from Debian's packages, the only public listener before the collector and the analytics.

Its configuration is written from the templates in config/nginx/ by this tool, never by hand, so
`make up`, the tests and a production host run the same rules: TLS 1.2/1.3 with forward-secret
suites and HSTS, plain HTTP sent (people) or told (programs) to use HTTPS, the client's own address
passed on, and the limits per client whose numbers docs/deployment.md derives from how Fuel masters
send. Our own nginx runs with its own prefix, pid file and logs, never as the system's service.

    python -m tools.frontdoor start --dir .local/nginx --https-port 8443 --http-port 8080
    python -m tools.frontdoor stop --dir .local/nginx
    python -m tools.frontdoor render --output /etc/nginx/conf.d/fuelstats.conf \\
        --server-names stats.example.org --certificate ... --certificate-key ...   # production
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tools.service import running_pid

REPOSITORY_ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = REPOSITORY_ROOT / "config" / "nginx"
COLLECTOR_SPEC = REPOSITORY_ROOT / "openapi" / "collector.yaml"
DEBIAN_PACKAGE = "nginx"
POLICY_RC_D = Path("/usr/sbin/policy-rc.d")
# Mozilla's "intermediate" TLS 1.2 suites with ECDHE (TLS 1.3's are all fine and not listed here).
CIPHERS = ":".join((
    "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
))


UPSTREAM = r"^(unix:/[^\s;\"']+|[A-Za-z0-9.-]+:\d+|\[[0-9A-Fa-f:.]+\]:\d+)$"


class FrontDoorError(RuntimeError):
    """nginx is missing, its configuration is refused, or it would not start; the message says which."""


class EdgeSettings(BaseModel):
    """The generator's settings; each is a command-line option (`--https-port 8443`). The limits'
    numbers come from the sending pattern (docs/deployment.md#limits): one run per master an hour,
    one request at a time, batches of 100 records, retries with backoff."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    server_names: tuple[str, ...] = Field(
        default=("localhost",), min_length=1, description="The names clients use; the first is the canonical one.")
    listen_addresses: tuple[str, ...] = Field(
        default=("0.0.0.0",), min_length=1, description="Addresses nginx listens on ([::] for every IPv6 one).")
    https_port: int = Field(default=443, gt=0, le=65535)
    http_port: int = Field(default=80, gt=0, le=65535)
    collector: str = Field(default="127.0.0.1:8000", pattern=UPSTREAM,
                           description="The collector: HOST:PORT on loopback or unix:PATH.")
    analytics: str = Field(default="127.0.0.1:8001", pattern=UPSTREAM,
                           description="The analytics: HOST:PORT on loopback or unix:PATH.")
    certificate: Path | None = Field(
        default=None, description="PEM certificate, then its intermediates; unset: a local CA's (make up).")
    certificate_key: Path | None = Field(default=None, description="The certificate's private key (PEM).")
    trusted_chain: Path | None = Field(
        default=None, description="The issuer's chain up to the root, to verify stapled OCSP answers with.")
    resolvers: tuple[str, ...] = Field(
        default=(), description="DNS servers nginx asks for the OCSP responder; unset: those of /etc/resolv.conf.")
    acme_webroot: Path | None = Field(
        default=None, description="Folder an ACME client (certbot, lego) writes HTTP-01 challenges into.")
    hsts_max_age: int = Field(default=63_072_000, ge=0, description="Seconds browsers keep to HTTPS (two years).")
    # Bodies: the collector's own FUELSTATS_MAX_BODY_BYTES default; the analytics take no bodies.
    collector_max_body: str = Field(default="8m", pattern=r"^\d+[km]?$")
    analytics_max_body: str = Field(default="64k", pattern=r"^\d+[km]?$")
    # Requests per minute, and how many may come at once: up to `delay` unhindered, then paced to
    # the rate, and 429 past `burst` (a client with one request at a time is paced, never refused).
    master_rate: int = Field(default=60, gt=0, description="Requests a minute per master-node-uid.")
    master_delay: int = Field(default=20, ge=0)
    master_burst: int = Field(default=40, gt=0)
    collector_address_rate: int = Field(default=600, gt=0, description="Requests a minute per address (collector).")
    collector_address_delay: int = Field(default=100, ge=0)
    collector_address_burst: int = Field(default=200, gt=0)
    analytics_address_rate: int = Field(default=1200, gt=0, description="Requests a minute per address (analytics).")
    analytics_address_delay: int = Field(default=100, ge=0)
    analytics_address_burst: int = Field(default=200, gt=0)
    collector_connections: int = Field(default=50, gt=0, description="Requests in progress at once per address.")
    analytics_connections: int = Field(default=100, gt=0, description="Requests in progress at once per address.")
    retry_after: int = Field(default=60, gt=0, description="Retry-After of a 429, in seconds.")
    # Timeouts, in seconds.
    client_header_timeout: int = Field(default=10, gt=0, description="The TLS handshake and a request's header.")
    client_body_timeout: int = Field(default=10, gt=0, description="Between two reads of a request body.")
    send_timeout: int = Field(default=30, gt=0, description="Between two writes of an answer.")
    keepalive_timeout: int = Field(default=15, gt=0, description="An idle connection between two requests.")
    worker_connections: int = Field(default=1024, gt=0)
    worker_user: str = Field(default="www-data", description="Whom nginx's workers run as when it starts as root.")

    @field_validator("server_names", "listen_addresses", "resolvers", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        return tuple(part.strip() for part in value.split(",") if part.strip()) if isinstance(value, str) else value

    @field_validator("server_names")
    @classmethod
    def _host_names(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        # They are written into the configuration (and into its JSON answers) as they are.
        for name in value:
            if not re.fullmatch(r"[A-Za-z0-9*]([A-Za-z0-9.-]*[A-Za-z0-9])?", name):
                raise ValueError(f"{name!r} is not a host name")
        return value

    @field_validator("certificate", "certificate_key", "trusted_chain", "acme_webroot")
    @classmethod
    def _absolute(cls, value: Path | None) -> Path | None:
        # nginx reads relative paths from its prefix, not from where the generator ran.
        return value.resolve() if value is not None else None

    @field_validator("listen_addresses")
    @classmethod
    def _addresses(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for address in value:
            ipaddress.ip_address(address)
        return value

    @model_validator(mode="after")
    def _bursts_above_delays(self) -> EdgeSettings:
        for zone in ("master", "collector_address", "analytics_address"):
            if getattr(self, f"{zone}_burst") <= getattr(self, f"{zone}_delay"):
                raise ValueError(f"{zone}_burst must be larger than {zone}_delay")
        return self


# --- nginx itself ----------------------------------------------------------------------------------

def find_nginx() -> str | None:
    # /usr/sbin is not on an ordinary user's PATH.
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")


def ensure_nginx() -> str:
    """Install Debian's nginx when it is missing; return its executable."""
    found = find_nginx()
    if found:
        return found
    if os.geteuid() != 0:
        raise FrontDoorError(f"nginx is not installed: run `sudo apt-get install -y {DEBIAN_PACKAGE}`")
    print(f"frontdoor: installing Debian package {DEBIAN_PACKAGE}", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    # The package would start the system's nginx with Debian's default site on port 80; we run our own.
    our_policy = not POLICY_RC_D.exists()
    if our_policy:
        POLICY_RC_D.write_text("#!/bin/sh\n# fuel-stats: installing nginx, whose own service is not wanted\nexit 101\n")
        POLICY_RC_D.chmod(0o755)
    try:
        apt = ["apt-get", "-o", "DPkg::Lock::Timeout=600"]
        subprocess.run([*apt, "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
        subprocess.run([*apt, "install", "-y", "-q", "--no-install-recommends", DEBIAN_PACKAGE],
                       check=True, env=env, stdout=subprocess.DEVNULL)
    finally:
        if our_policy:
            POLICY_RC_D.unlink(missing_ok=True)
    found = find_nginx()
    if found is None:
        raise FrontDoorError(f"installed {DEBIAN_PACKAGE} but found no nginx executable")
    return found


# --- certificates ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class LocalCA:
    """A certificate authority of our own and a server certificate it signed: `make up` and the tests.
    Clients trust `ca` (the kit: FUELSTATS_COLLECTOR_CA_FILE; curl: --cacert)."""

    directory: Path

    @property
    def ca(self) -> Path:
        return self.directory / "ca.pem"

    @property
    def ca_key(self) -> Path:
        return self.directory / "ca.key"

    @property
    def certificate(self) -> Path:
        return self.directory / "server.pem"

    @property
    def certificate_key(self) -> Path:
        return self.directory / "server.key"

    @property
    def names_file(self) -> Path:
        return self.directory / "server.names"


def _openssl(*args: str) -> str:
    result = subprocess.run(["openssl", *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise FrontDoorError(f"openssl {args[0]} failed: {result.stderr.strip()}")
    return result.stdout


def make_local_ca(directory: Path, names: tuple[str, ...]) -> LocalCA:
    """The CA once, and a server certificate for `names` (plus loopback), again only when the names change."""
    local = LocalCA(directory.resolve())
    directory.mkdir(parents=True, exist_ok=True)
    if not local.ca.exists():
        _openssl("req", "-x509", "-new", "-noenc", "-newkey", "rsa:2048", "-sha256", "-days", "3650",
                 "-keyout", str(local.ca_key), "-out", str(local.ca), "-subj", "/CN=fuel-stats local CA",
                 "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign,cRLSign")
        local.ca_key.chmod(0o600)
    subject_names = [*dict.fromkeys((*names, "localhost", "127.0.0.1", "::1"))]
    if local.certificate.exists() and local.names_file.exists() and \
            local.names_file.read_text().split() == subject_names:
        return local
    alternative = ",".join(f"{'IP' if _is_address(name) else 'DNS'}:{name}" for name in subject_names)
    extensions = directory / "server.ext"
    extensions.write_text(f"subjectAltName={alternative}\nbasicConstraints=critical,CA:FALSE\n"
                          "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n")
    request = directory / "server.csr"
    # RSA, so that the refusal of RSA key exchange and CBC suites is the cipher list's doing.
    _openssl("req", "-new", "-noenc", "-newkey", "rsa:2048", "-keyout", str(local.certificate_key),
             "-out", str(request), "-subj", f"/CN={subject_names[0]}")
    local.certificate_key.chmod(0o600)
    _openssl("x509", "-req", "-in", str(request), "-CA", str(local.ca), "-CAkey", str(local.ca_key),
             "-CAcreateserial", "-days", "825", "-sha256", "-extfile", str(extensions), "-out", str(local.certificate))
    local.names_file.write_text("\n".join(subject_names) + "\n")
    request.unlink()
    return local


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def ocsp_responder(certificate: Path) -> str:
    """The OCSP responder the certificate names, or "" (a local CA's, and Let's Encrypt's since 2025)."""
    return _openssl("x509", "-noout", "-ocsp_uri", "-in", str(certificate)).strip()


def system_resolvers(resolv_conf: Path = Path("/etc/resolv.conf")) -> tuple[str, ...]:
    try:
        lines = resolv_conf.read_text().splitlines()
    except OSError:
        return ()
    found = [line.split()[1] for line in lines if line.startswith("nameserver") and len(line.split()) > 1]
    return tuple(f"[{address}]" if ":" in address else address for address in found)


# --- the configuration -----------------------------------------------------------------------------

def collector_paths(spec: Path = COLLECTOR_SPEC) -> str:
    """A regular expression of exactly the collector's API paths, from its OpenAPI document. Its health
    checks (/healthz, /readyz) are not among them: they are the host's, asked on loopback."""
    paths = sorted(path for path in yaml.safe_load(spec.read_text())["paths"] if path.startswith("/api/"))
    alternatives = [re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(path)) for path in paths]
    return '"^(?:' + "|".join(alternatives) + ')$"'


def _listen(address: str) -> str:
    return f"[{address}]" if ":" in address else address


def public_origin(settings: EdgeSettings) -> str:
    port = "" if settings.https_port == 443 else f":{settings.https_port}"
    return f"https://{settings.server_names[0]}{port}"


def render(settings: EdgeSettings, *, access_log: Path) -> str:
    """The http-level configuration (config/nginx/fuelstats.conf.j2) for these settings."""
    if settings.certificate is None or settings.certificate_key is None:
        raise FrontDoorError("a certificate and its key are needed (--certificate, --certificate-key)")
    stapling = bool(ocsp_responder(settings.certificate))
    resolvers = settings.resolvers or system_resolvers()
    if stapling and not resolvers:
        raise FrontDoorError("the certificate names an OCSP responder but no DNS server is known: set --resolvers")
    return _environment().get_template("fuelstats.conf.j2").render(
        s=settings, listen_addresses=[_listen(address) for address in settings.listen_addresses],
        access_log=access_log, ciphers=CIPHERS, collector_paths=collector_paths(),
        public_origin=public_origin(settings), stapling=stapling, resolvers=resolvers)


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def _searchable_by_all(directory: Path) -> bool:
    return all(folder.stat().st_mode & stat.S_IXOTH for folder in (directory, *directory.parents))


class FrontDoor:
    """Our own nginx, configured from `settings`, with everything it writes under `directory`."""

    def __init__(self, directory: Path, settings: EdgeSettings) -> None:
        self.directory = directory.resolve()
        self.settings = settings

    @property
    def config(self) -> Path:
        return self.directory / "nginx.conf"

    @property
    def pidfile(self) -> Path:
        return self.directory / "nginx.pid"

    @property
    def error_log(self) -> Path:
        return self.directory / "error.log"

    @property
    def access_log(self) -> Path:
        return self.directory / "access.log"

    def write_config(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0 and not _searchable_by_all(self.directory):
            # Workers run as an unprivileged user when we are root: they keep request bodies in temp/.
            raise FrontDoorError(f"nginx's workers ({self.settings.worker_user}) cannot reach {self.directory}: a "
                                 "folder above it is not searchable by all (chmod o+x it, or choose another --dir)")
        (self.directory / "temp").mkdir(exist_ok=True)
        for folder in (self.directory, self.directory / "temp"):
            folder.chmod(0o755)
        (self.directory / "fuelstats.conf").write_text(render(self.settings, access_log=self.access_log))
        self.config.write_text(_environment().get_template("nginx.conf.j2").render(
            s=self.settings, prefix=self.directory,
            worker_user=self.settings.worker_user if os.geteuid() == 0 else None))

    def _nginx(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [ensure_nginx(), "-p", str(self.directory), "-c", str(self.config), "-e", str(self.error_log),
                   *args]
        return subprocess.run(command, capture_output=True, text=True)

    def pid(self) -> int | None:
        return running_pid(self.pidfile)

    def start(self, timeout: float = 15.0) -> None:
        """Write the configuration, check it, and start nginx (or have a running one reload it)."""
        self.write_config()
        checked = self._nginx("-t", "-q")
        if checked.returncode != 0:
            raise FrontDoorError(f"nginx refused {self.config}: {checked.stderr.strip()}")
        running = self.pid()
        started = self._nginx("-s", "reload") if running else self._nginx()
        if started.returncode != 0:
            raise FrontDoorError(f"nginx did not start: {started.stderr.strip()} (see {self.error_log})")
        if not self._wait_listening(timeout):
            self.stop()
            raise FrontDoorError(f"nginx is not listening on port {self.settings.https_port} (see {self.error_log})")

    def _wait_listening(self, timeout: float) -> bool:
        address = self.settings.listen_addresses[0]
        address = "127.0.0.1" if address == "0.0.0.0" else "::1" if address == "::" else address
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.pid() is not None:
                try:
                    socket.create_connection((address, self.settings.https_port), timeout=1).close()
                    return True
                except OSError:
                    pass
            time.sleep(0.1)
        return False

    def stop(self, timeout: float = 15.0) -> None:
        pid = self.pid()
        if pid is None:
            return
        os.kill(pid, signal.SIGQUIT)  # graceful: requests in progress finish
        deadline = time.monotonic() + timeout
        while self.pid() is not None and time.monotonic() < deadline:
            time.sleep(0.1)
        if self.pid() is not None:
            os.kill(pid, signal.SIGTERM)


# --- the command -----------------------------------------------------------------------------------

def _add_settings_options(parser: argparse.ArgumentParser) -> None:
    for name, field in EdgeSettings.model_fields.items():
        parser.add_argument(f"--{name.replace('_', '-')}", dest=name, default=None,
                            help=f"{field.description or ''} [{field.default}]".strip())


def _settings_from(args: argparse.Namespace) -> EdgeSettings:
    given = {name: getattr(args, name) for name in EdgeSettings.model_fields if getattr(args, name) is not None}
    try:
        return EdgeSettings(**given)
    except ValidationError as error:
        first = error.errors()[0]
        where = "--" + str(first["loc"][0]).replace("_", "-") if first["loc"] else "settings"
        raise FrontDoorError(f"{where}: {first['msg']}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="frontdoor", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("start", help="write the configuration and start (or reload) our own nginx")
    start.add_argument("--dir", type=Path, required=True, help="nginx's prefix: configuration, pid file, logs")
    start.add_argument("--local-ca", type=Path, default=None,
                       help="without --certificate: where the local CA and server certificate are made once [DIR/tls]")
    _add_settings_options(start)
    stop = commands.add_parser("stop", help="stop our own nginx")
    stop.add_argument("--dir", type=Path, required=True)
    output = commands.add_parser("render", help="write the http-level configuration for a system nginx (production)")
    output.add_argument("--output", type=Path, required=True, help="e.g. /etc/nginx/conf.d/fuelstats.conf")
    output.add_argument("--access-log", type=Path, default=Path("/var/log/nginx/fuelstats.access.log"))
    _add_settings_options(output)
    args = parser.parse_args(argv)
    try:
        if args.command == "stop":
            FrontDoor(args.dir, EdgeSettings()).stop()
            return 0
        settings = _settings_from(args)
        if args.command == "render":
            args.output.write_text(render(settings, access_log=args.access_log))
            print(f"frontdoor: wrote {args.output}; check with `nginx -t`, then `systemctl reload nginx`")
            return 0
        if settings.certificate is None:
            local = make_local_ca(args.local_ca or args.dir / "tls", settings.server_names)
            settings = settings.model_copy(update={"certificate": local.certificate,
                                                   "certificate_key": local.certificate_key})
            print(f"frontdoor: certificate of the local CA {local.ca} (trust it: curl --cacert, "
                  "FUELSTATS_COLLECTOR_CA_FILE)")
        FrontDoor(args.dir, settings).start()
    except FrontDoorError as error:
        print(f"frontdoor: {error}", file=sys.stderr)
        return 1
    print(f"frontdoor: nginx running: {public_origin(settings)}/ (plain HTTP on port {settings.http_port} "
          "redirects to it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
