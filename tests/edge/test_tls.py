"""TLS at the front door: 1.2 and 1.3 with strong suites only, HSTS, and plain HTTP never carrying an API."""

from __future__ import annotations

import ssl
import subprocess

import httpx
import pytest

from tests.edge.conftest import ACME_TOKEN, Edge


def s_client(edge: Edge, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["openssl", "s_client", "-connect", f"127.0.0.1:{edge.settings.https_port}", "-servername", "localhost",
         "-CAfile", str(edge.ca.ca), "-verify_return_error", *options],
        input="", capture_output=True, text=True, timeout=30)


def verified(edge: Edge) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(edge.ca.ca))


@pytest.mark.parametrize(("options", "protocol"), [
    ((), "TLSv1.3"),
    (("-tls1_2",), "TLSv1.2"),
    (("-tls1_2", "-cipher", "ECDHE-RSA-CHACHA20-POLY1305"), "TLSv1.2"),
])
def test_a_handshake_with_the_test_ca_succeeds(edge, options, protocol):
    result = s_client(edge, *options)
    assert result.returncode == 0, result.stderr
    assert "Verify return code: 0 (ok)" in result.stdout
    assert f"New, {protocol}, Cipher is" in result.stdout


@pytest.mark.parametrize("version", ["-tls1", "-tls1_1"])
def test_tls_1_0_and_1_1_are_refused(edge, version):
    # The client is made willing (security level 0): the refusal must be the server's.
    result = s_client(edge, version, "-cipher", "DEFAULT@SECLEVEL=0")
    assert result.returncode != 0
    assert "alert protocol version" in result.stderr, result.stderr


@pytest.mark.parametrize("cipher", [
    "AES128-SHA",               # RSA key exchange: no forward secrecy, CBC
    "AES256-GCM-SHA384",        # RSA key exchange
    "ECDHE-RSA-AES128-SHA",     # CBC with SHA-1
    "ECDHE-RSA-AES256-SHA384",  # CBC
    "ECDHE-RSA-AES128-SHA256",  # CBC
])
def test_weak_suites_are_refused(edge, cipher):
    result = s_client(edge, "-tls1_2", "-cipher", f"{cipher}@SECLEVEL=0")
    assert result.returncode != 0
    assert "alert handshake failure" in result.stderr, result.stderr


def test_every_https_answer_carries_hsts(edge):
    with httpx.Client(verify=verified(edge)) as client:
        answers = [client.get(f"{edge.https}/api/v1/reports/"),                                # the analytics
                   client.get(f"{edge.https}/api/v1/ping/", headers={"master-node-uid": "hsts"}),  # the collector
                   client.get(f"{edge.https}/"),                                                # the web UI
                   client.get(f"{edge.https}/no-such-page")]                                    # an error
    assert [answer.status_code for answer in answers] == [200, 200, 200, 404]
    for answer in answers:
        assert answer.headers["strict-transport-security"] == "max-age=63072000"


def test_plain_http_sends_people_to_https_whatever_host_they_name(edge):
    for path in ("/", "/search?q=kvm", "/installation", "/ui/"):
        answer = httpx.get(f"{edge.http}{path}", headers={"Host": "evil.example"})
        assert answer.status_code == 301
        assert answer.headers["location"] == f"https://localhost:{edge.settings.https_port}{path}"


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/api/v1/ping/"), ("POST", "/api/v1/action_logs/"), ("POST", "/api/v1/installation_structure/"),
    ("GET", "/api/v1/reports/"), ("GET", "/api/v1/private/summary/"),
])
def test_plain_http_refuses_the_apis_in_the_v1_shape(edge, method, path):
    answer = httpx.request(method, f"{edge.http}{path}", content=b'{"action_logs": []}',
                           headers={"master-node-uid": "plain"})
    assert answer.status_code == 403
    assert answer.json() == {"status": "error", "rule": "https-only",
                             "message": f"this API answers only over HTTPS: use https://localhost:"
                                        f"{edge.settings.https_port}"}


def test_plain_http_serves_the_acme_challenges_for_certificate_renewal(edge):
    answer = httpx.get(f"{edge.http}/.well-known/acme-challenge/{ACME_TOKEN}")
    assert (answer.status_code, answer.text) == (200, f"{ACME_TOKEN}.thumbprint")
    assert httpx.get(f"{edge.http}/.well-known/acme-challenge/unknown").status_code == 404
