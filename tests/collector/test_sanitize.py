from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuelstats_common.sanitize import (
    CREDENTIAL_CLUES,
    CREDENTIAL_FRAGMENTS,
    CREDENTIAL_PHRASES,
    CREDENTIAL_WORDS,
    SANITIZED,
    may_name_credentials,
    names_credential,
    sanitize,
    sanitize_action_log_body,
    sanitize_action_log_body_if_needed,
    sanitize_if_needed,
)


@pytest.mark.parametrize(
    "key",
    ["password", "PASSWORD", "adminPassword", "Admin-Password", "admin_password", "OS_PASSWORD", "passwd",
     "db_pass", "nova_pwd", "token", "authToken", "X-Auth-Token", "keystone_tokens", "secret", "CephSecret",
     "secret_key", "private_key", "PrivateKey", "ssh-private-key", "certificate", "ssl_cert", "SSLCertificate",
     "passphrase", "api_key", "aws_access_key", "credentials"],
)
def test_keys_that_name_credentials(key):
    assert names_credential(key)


@pytest.mark.parametrize(
    "key",
    ["name", "keystone", "key", "public_key", "passive", "bypass", "compass", "status",
     "cluster_id", "keys_count", "certified"],
)
def test_keys_that_do_not(key):
    assert not names_credential(key)


def test_nested_and_oddly_cased_credentials_are_replaced_everywhere():
    body = {
        "Admin_PassWord": "a",
        "settings": {
            "editable": {
                "access": {"password": {"value": "b", "type": "password"}},
                "custom": {"label": "Root pass", "type": "PASSWORD", "value": "c", "weight": 10},
                "storage": [{"name": "ceph", "CEPH_SECRET": "d"}, {"x-auth-TOKEN": ["e"]}],
            }
        },
        "ssl": {"certificate": {"content": "-----BEGIN CERTIFICATE-----", "name": "ca.pem"}},
        "kept": {"user": "admin", "value": 1, "type": "text"},
    }
    original = copy.deepcopy(body)

    clean = sanitize(body)

    assert body == original, "the input is left as it was"
    editable = clean["settings"]["editable"]
    assert clean["Admin_PassWord"] == SANITIZED
    assert editable["access"]["password"] == SANITIZED
    assert editable["custom"] == {"label": "Root pass", "type": "PASSWORD", "value": SANITIZED, "weight": 10}
    assert editable["storage"] == [{"name": "ceph", "CEPH_SECRET": SANITIZED}, {"x-auth-TOKEN": SANITIZED}]
    assert clean["ssl"] == {"certificate": SANITIZED}
    assert clean["kept"] == {"user": "admin", "value": 1, "type": "text"}
    for secret in "abcde":
        assert f'"{secret}"' not in repr(clean).replace("'", '"')


def test_a_task_message_loses_the_passwords_it_quotes():
    body = {"action_type": "nailgun_task", "additional_info": {
        "ended_with_status": "error", "message": "puppet failed: mysql://nova:s3cret@10.20.0.2/nova --password hunter2",
        "admin_password": "x", "operation": "deployment"}}
    clean = sanitize_action_log_body(body)
    assert clean["additional_info"] == {
        "ended_with_status": "error", "message": f"puppet failed: mysql://nova:{SANITIZED}@10.20.0.2/nova --password {SANITIZED}",
        "admin_password": SANITIZED, "operation": "deployment"}
    assert body["additional_info"]["admin_password"] == "x", "the sent body is left as it was"


# --- sanitizing without copying: what ingest stores -----------------------------------------------

_KEYS = st.sampled_from(["id", "name", "value", "type", "password", "adminPassword", "public_ssl_cert_source",
                         "api_key", "token", "label", "nodes", "message"])
_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.sampled_from(["password", "PASSWORD", "x", ""]),
                    st.text(max_size=5))
_DOCUMENTS = st.recursive(_LEAVES, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                           st.dictionaries(_KEYS, inner, max_size=5)), max_leaves=30)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(_DOCUMENTS)
def test_sanitizing_without_copies_gives_what_sanitize_gives(document):
    before = copy.deepcopy(document)
    assert sanitize_if_needed(document) == sanitize(document)
    assert document == before
    assert sanitize_action_log_body_if_needed({"additional_info": {"message": "password: x"}, "body": document}) \
        == sanitize_action_log_body({"additional_info": {"message": "password: x"}, "body": document})


def test_keys_once_seen_safe_still_leave_password_settings_and_credentials_to_be_found(monkeypatch):
    from fuelstats_common import sanitize as module

    monkeypatch.setattr(module, "_SAFE_KEYS", set())
    monkeypatch.setattr(module, "_SAFE_KEYS_LIMIT", 3)
    assert sanitize_if_needed({"type": "text", "label": "x", "other": 1}) == {"type": "text", "label": "x", "other": 1}
    assert module._SAFE_KEYS == {"type", "label", "other"}
    # Every key known safe, but a password setting: told by its value.
    setting = {"type": "Password", "label": "x", "value": "hunter2"}
    assert sanitize_if_needed({"s": setting}) == {"s": {**setting, "value": "<sanitized>"}}
    # A new key past the limit empties the set; a key not a string is looked at as its text.
    assert sanitize_if_needed({"label": {1: "a", "token": "b"}}) == {"label": {1: "a", "token": "<sanitized>"}}
    assert len(module._SAFE_KEYS) <= 3


# --- the shortcut on a request's text (may_name_credentials) ---------------------------------------

def test_every_credential_word_phrase_and_fragment_holds_a_clue():
    named = [*CREDENTIAL_WORDS, *("".join(phrase) for phrase in CREDENTIAL_PHRASES), *CREDENTIAL_FRAGMENTS, "password"]
    for name in named:
        assert any(clue.decode() in name for clue in CREDENTIAL_CLUES), name


@pytest.mark.parametrize("text", [
    '{"to_ken": 1}', '{"Pa-Ss": 1}', '{"PRIVATE key": 1}', '{"x": {"type": "PassWord", "value": 1}}',
    '{"\\u0070ass": 1}', '{"to\\nken": 1}', '{"to\u00e4ken": 1}',
])
def test_text_that_may_name_a_credential(text):
    assert may_name_credentials(text.encode())


def test_text_that_surely_names_none():
    assert not may_name_credentials(json.dumps({"action_type": "http_request", "additional_info": {
        "request_data": {"url": "/api/clusters/5/changes", "data": {}}, "message": None}}).encode())


# Keys made of pieces of the clues and separators between words, so that near misses are many.
_PIECES = st.sampled_from(["to", "Ken", "pa", "Ss", "word", "se", "cret", "private", "KEY", "api", "cer", "t", "x", ""])
_SEPARATORS = st.sampled_from(["", "_", "-", " ", "\n", "\u00e4", "\\"])
_CLUE_KEYS = st.builds(lambda *parts: "".join(parts), _PIECES, _SEPARATORS, _PIECES)
_CLUE_DOCUMENTS = st.recursive(
    st.one_of(st.none(), st.integers(), st.text(alphabet="pasword_PASSWORD x", max_size=9)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(
        st.one_of(_CLUE_KEYS, st.sampled_from(["type", "value"])), inner, max_size=4)),
    max_leaves=20)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(_CLUE_DOCUMENTS)
def test_text_that_names_no_credential_holds_nothing_to_sanitize(document):
    for text in (json.dumps(document), json.dumps(document, ensure_ascii=False)):
        if not may_name_credentials(text.encode()):
            assert sanitize(document) == document
