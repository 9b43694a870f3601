"""The text rules: credentials inside free text (error messages, task output) of failure reports."""

from __future__ import annotations

import pytest

from fuelstats_common.sanitize import SANITIZED, sanitize_all, sanitize_text


@pytest.mark.parametrize(("text", "expected"), [
    ("keystone auth failed: password: hunter2", f"keystone auth failed: password: {SANITIZED}"),
    ('{"admin_password": "a b", "user": "admin"}', f'{{"admin_password": "{SANITIZED}", "user": "admin"}}'),
    ("OS_PASSWORD='p w' OS_USERNAME=admin", f"OS_PASSWORD='{SANITIZED}' OS_USERNAME=admin"),
    ("curl -H 'X-Auth-Token: abc123' http://h", f"curl -H 'X-Auth-Token: {SANITIZED}' http://h"),
    ("GET /v2?token=abc123&limit=1", f"GET /v2?token={SANITIZED}&limit=1"),
    ("run --password hunter2 --user bob", f"run --password {SANITIZED} --user bob"),
    ("mysql://nova:dbpass@10.20.0.3/nova", f"mysql://nova:{SANITIZED}@10.20.0.3/nova"),
    ("api_key: k:z rest", f"api_key: {SANITIZED} rest"),
])
def test_values_after_a_credentials_name_go(text, expected):
    assert sanitize_text(text) == expected


@pytest.mark.parametrize("text", [
    "Error: token expired",
    "task failed: Puppet (err): Could not find class ::nova",
    "deploy -p 5 nodes",
    "--token --verbose",
    "public_key: ssh-rsa AAAA",
    "http://10.20.0.2:8000/api/v1/nodes",
])
def test_ordinary_text_stays(text):
    assert sanitize_text(text) == text


def test_sanitize_all_applies_key_and_text_rules_at_any_depth():
    data = {"logs": ["ok", "password=x"], "settings": {"db_password": "y", "note": "secret: z"}, "count": 3}
    assert sanitize_all(data) == {"logs": ["ok", f"password={SANITIZED}"],
                                  "settings": {"db_password": SANITIZED, "note": f"secret: {SANITIZED}"}, "count": 3}
