"""The generator itself: what it writes for a production host, and OCSP stapling when the certificate allows it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tools.frontdoor import EdgeSettings, FrontDoorError, LocalCA, main, make_local_ca, render


def certificate_with_responder(ca: LocalCA, directory: Path) -> Path:
    """A server certificate of `ca` that names an OCSP responder, as a public CA's would."""
    extensions = directory / "ocsp.ext"
    extensions.write_text("subjectAltName=DNS:stats.example.org\nauthorityInfoAccess=OCSP;URI:http://ocsp.example.org\n")
    certificate = directory / "with-ocsp.pem"
    subprocess.run(["openssl", "x509", "-req", "-in", str(directory / "request.csr"), "-CA", str(ca.ca),
                    "-CAkey", str(ca.ca_key), "-days", "30", "-extfile", str(extensions), "-out", str(certificate)],
                   check=True, capture_output=True)
    return certificate


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> LocalCA:
    local = make_local_ca(tmp_path_factory.mktemp("tls"), ("stats.example.org",))
    subprocess.run(["openssl", "req", "-new", "-key", str(local.certificate_key), "-subj", "/CN=stats.example.org",
                    "-out", str(local.directory / "request.csr")], check=True, capture_output=True)
    return local


def test_stapling_is_on_only_when_the_certificate_names_a_responder(ca, tmp_path):
    settings = EdgeSettings(certificate=ca.certificate, certificate_key=ca.certificate_key, resolvers="10.0.0.53")
    assert "ssl_stapling" not in render(settings, access_log=tmp_path / "access.log")

    stapled = settings.model_copy(update={"certificate": certificate_with_responder(ca, ca.directory),
                                          "trusted_chain": ca.ca})
    config = render(stapled, access_log=tmp_path / "access.log")
    for line in ("ssl_stapling on;", "ssl_stapling_verify on;", f'ssl_trusted_certificate "{ca.ca}";',
                 "resolver 10.0.0.53 valid=300s;"):
        assert line in config


def test_the_production_configuration_names_the_hosts_and_keeps_to_the_collectors_paths(ca, tmp_path):
    output = tmp_path / "fuelstats.conf"
    assert main(["render", "--output", str(output), "--server-names", "stats.example.org,collector.example.org",
                 "--certificate", str(ca.certificate), "--certificate-key", str(ca.certificate_key),
                 "--listen-addresses", "0.0.0.0,::", "--master-rate", "120"]) == 0
    config = output.read_text()
    assert "server_name stats.example.org collector.example.org;" in config
    assert "listen [::]:443 ssl http2 default_server;" in config and "listen 0.0.0.0:80 default_server;" in config
    assert "return 301 https://stats.example.org$request_uri;" in config
    assert 'proxy_set_header Host "stats.example.org";' in config
    assert "zone=fuelstats_collector_master:20m rate=120r/m;" in config
    # Exactly openapi/collector.yaml's paths go to the collector, the master keys' enrolment and rotation too.
    assert ('location ~ "^(?:/api/v1/action_logs/|/api/v1/failure_reports/|/api/v1/installation_structure/|'
            '/api/v1/master_keys/|/api/v1/master_keys/rotation/|/api/v1/oswl_stats/|/api/v1/ping/)$"') in config


@pytest.mark.parametrize(("options", "message"), [
    (["--master-delay", "50"], "master_burst must be larger than master_delay"),
    (["--listen-addresses", "example.org"], "--listen-addresses"),
    (["--collector-max-body", "8 GB"], "--collector-max-body"),
    (["--server-names", "stats.example.org;return 200"], "--server-names"),
    (["--collector", "127.0.0.1:8000; evil"], "--collector"),
])
def test_settings_that_make_no_sense_stop_the_generator(ca, tmp_path, capsys, options, message):
    assert main(["render", "--output", str(tmp_path / "x.conf"), "--certificate", str(ca.certificate),
                 "--certificate-key", str(ca.certificate_key), *options]) == 1
    assert message in capsys.readouterr().err


def test_a_certificate_is_needed_for_a_production_configuration(tmp_path):
    with pytest.raises(FrontDoorError, match="a certificate and its key are needed"):
        render(EdgeSettings(), access_log=tmp_path / "access.log")
