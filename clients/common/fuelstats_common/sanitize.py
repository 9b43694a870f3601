"""The one place that decides which data is identifying and never reaches the database.

A value is replaced by ``SANITIZED`` before storage, wherever it sits in a body, when

1. its key names a credential: after splitting the key into words (``adminPassword``,
   ``ADMIN-PASSWORD`` and ``admin_password`` all give ``admin password``) one word is in
   ``CREDENTIAL_WORDS``, or two neighbouring words make a phrase of ``CREDENTIAL_PHRASES``, or the
   key written without separators contains one of ``CREDENTIAL_FRAGMENTS`` (``authtoken``,
   ``sslcertificate``); or
2. it is the ``value`` of a Fuel settings entry whose ``type`` is ``password`` (Fuel keeps settings
   as ``{"label": ..., "type": "password", "value": ...}`` under keys of any name).

docs/sanitization.md explains the rules; tests/collector/test_sanitize.py shows them.
"""

from __future__ import annotations

import functools
import re
from typing import Any

SANITIZED = "<sanitized>"

CREDENTIAL_WORDS = frozenset(
    {"password", "passwd", "passphrase", "pass", "pwd", "token", "secret", "certificate", "cert", "credentials"}
)
CREDENTIAL_PHRASES = frozenset({("private", "key"), ("secret", "key"), ("access", "key"), ("api", "key")})
CREDENTIAL_FRAGMENTS = ("password", "passwd", "passphrase", "token", "secret", "privatekey", "certificate")

_WORD_BOUNDARY = re.compile(r"[^0-9a-zA-Z]+|(?<=[a-z0-9])(?=[A-Z])")


def key_words(key: str) -> list[str]:
    return [word.lower() for word in _WORD_BOUNDARY.split(key) if word]


@functools.lru_cache(maxsize=8192)  # bodies repeat the same few hundred keys
def names_credential(key: str) -> bool:
    words = key_words(key)
    if any(word in CREDENTIAL_WORDS for word in words):
        return True
    if any(pair in CREDENTIAL_PHRASES for pair in zip(words, words[1:], strict=False)):
        return True
    compact = "".join(words)
    return any(fragment in compact for fragment in CREDENTIAL_FRAGMENTS)


def _is_password_setting(mapping: dict[str, Any]) -> bool:
    kind = mapping.get("type")
    return isinstance(kind, str) and kind.lower() == "password" and "value" in mapping


def sanitize(data: Any) -> Any:
    """A copy of ``data`` with every credential replaced; ``data`` itself is left as it was."""
    if isinstance(data, dict):
        password_setting = _is_password_setting(data)
        return {
            key: SANITIZED if names_credential(str(key)) or (password_setting and key == "value") else sanitize(value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [sanitize(item) for item in data]
    return data


_UNCHANGED: Any = object()
_CONTAINERS = (dict, list)

# Keys seen to name no credential. A mapping whose keys are all here (and with no "value", so no
# password setting) is told safe by one C-level set operation instead of a check per key: a 50 KB
# installation structure has about 3,000 keys, a few hundred of them distinct. Emptied when full, so
# that keys nobody sends again make room for those the fleet does.
_SAFE_KEYS: set[str] = set()
_SAFE_KEYS_LIMIT = 65_536


def _credential_keys(mapping: dict[Any, Any]) -> dict[Any, Any] | None:
    """The replacements ``sanitize`` makes among ``mapping``'s own values (not inside them), or None."""
    if _SAFE_KEYS.issuperset(mapping) and "value" not in mapping:
        return None
    password_setting = _is_password_setting(mapping)
    replaced = None
    for key in mapping:
        if names_credential(key if type(key) is str else str(key)) or (password_setting and key == "value"):
            replaced = replaced or {}
            replaced[key] = SANITIZED
        elif type(key) is str:
            if len(_SAFE_KEYS) >= _SAFE_KEYS_LIMIT:
                _SAFE_KEYS.clear()
            _SAFE_KEYS.add(key)
    return replaced


def _sanitized_parts(data: Any) -> Any:
    """What ``sanitize`` makes of ``data``, sharing every part it leaves as it was; ``_UNCHANGED`` when
    that is all of it."""
    if isinstance(data, dict):
        changed = _credential_keys(data)
        for key, value in data.items():
            if isinstance(value, _CONTAINERS) and (changed is None or key not in changed):
                part = _sanitized_parts(value)
                if part is not _UNCHANGED:
                    changed = changed or {}
                    changed[key] = part
        return _UNCHANGED if changed is None else {**data, **changed}
    if isinstance(data, list):
        copy: list[Any] | None = None
        for index, item in enumerate(data):
            if isinstance(item, _CONTAINERS) and (part := _sanitized_parts(item)) is not _UNCHANGED:
                copy = copy or list(data)
                copy[index] = part
        return _UNCHANGED if copy is None else copy
    return _UNCHANGED


# Every key that names_credential accepts holds one of these once lowercased and rid of all but letters
# and digits (its words joined): each of CREDENTIAL_WORDS holds "pass", "pwd", "token", "secret", "cert"
# or "credentials"; each phrase, and "privatekey", holds "key"; the other fragments hold a word's clue.
# A password setting's type ("password") holds "pass".
CREDENTIAL_CLUES = (b"pass", b"pwd", b"token", b"secret", b"cert", b"credentials", b"key")
_NEITHER_LETTER_NOR_DIGIT = bytes(byte for byte in range(128) if not chr(byte).isalnum())


def may_name_credentials(json_text: bytes) -> bool:
    """Whether ``sanitize`` may replace anything in the value of ``json_text`` (UTF-8: in another encoding
    the answer means nothing); False only when it surely replaces nothing, told from the bytes far faster
    than walking the value.

    In ASCII text without escapes every key and string is written as it reads, and its letters and digits
    in a row are a part of the text's letters and digits in a row: a clue missing from those is in no key.
    """
    if not json_text.isascii() or b"\\" in json_text:
        return True  # an escape may spell a clue (\u0070ass) or hide one (to\nken reads as "to", "ken")
    letters = json_text.lower().translate(None, _NEITHER_LETTER_NOR_DIGIT)
    return any(clue in letters for clue in CREDENTIAL_CLUES)


def sanitize_if_needed(data: Any) -> Any:
    """``sanitize(data)`` without copying what it would leave as it was: parts of ``data`` are shared
    (``data`` itself when nothing changes). For what is serialized at once, never changed after."""
    parts = _sanitized_parts(data)
    return data if parts is _UNCHANGED else parts


# --- free text: error messages and task output ---------------------------------------------------
# Text has no keys, but credentials show up in it the way logs and configs write them:
# `password: x`, `"api_key": "x"`, `token=x`, `--password x`, `https://user:x@host`.

# A name and what introduces its value; the value itself is matched separately, so that in
# `failed: password: x` the word `password:` is read as a name, not as the value of `failed`.
_NAMED = re.compile(r"""(?P<key>["']?(?<![\w-])[A-Za-z_][\w.-]*["']?)\s*[:=]\s*|(?P<flag>(?<![\w-])--?[A-Za-z][\w-]*)\s+""")
_VALUE = re.compile(r""""[^"\n]*"|'[^'\n]*'|[^\s,;&'"}\]]+""")
_URL_PASSWORD = re.compile(r"(?P<prefix>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*:)[^@/\s]+@")


def hide_url_passwords(text: str) -> str:
    """``text`` with the password of every URL in it replaced (``postgresql://user:<sanitized>@host/db``)."""
    return _URL_PASSWORD.sub(lambda match: f"{match['prefix']}{SANITIZED}@", text)


def sanitize_text(text: str) -> str:
    """``text`` with every value that follows a credential's name, and every password in a URL, replaced."""
    text = hide_url_passwords(text)
    pieces: list[str] = []
    done = 0
    for name in _NAMED.finditer(text):
        if name.start() < done or not names_credential((name["key"] or name["flag"]).strip("\"'-")):
            continue
        value = _VALUE.match(text, name.end())
        if value is None or (name["flag"] and value[0].startswith("-")):
            continue
        quote = value[0][0] if value[0][0] in "\"'" else ""
        pieces += [text[done:name.end()], f"{quote}{SANITIZED}{quote}"]
        done = value.end()
    return "".join(pieces) + text[done:]


def sanitize_action_log_body(body: dict[str, Any]) -> dict[str, Any]:
    """``sanitize``, and the text rules on a task's ``message``: Nailgun writes a failed task's error
    there, and errors quote commands and URLs with their passwords."""
    clean = sanitize(body)
    info = clean.get("additional_info")
    if isinstance(info, dict) and isinstance(info.get("message"), str):
        clean["additional_info"] = {**info, "message": sanitize_text(info["message"])}
    return clean


def sanitize_action_log_body_if_needed(body: dict[str, Any], *, keys_checked: bool = False) -> dict[str, Any]:
    """``sanitize_action_log_body(body)``, sharing what it leaves as it was (``sanitize_if_needed``).
    ``keys_checked``: the text the body was read from is known to name no credential
    (``may_name_credentials``), so only its message is left to look at."""
    if not keys_checked:
        body = sanitize_if_needed(body)
    info = body.get("additional_info")
    if isinstance(info, dict) and isinstance(info.get("message"), str):
        message = sanitize_text(info["message"])
        if message != info["message"]:
            return {**body, "additional_info": {**info, "message": message}}
    return body


def sanitize_all(data: Any) -> Any:
    """``sanitize``, and the text rules on every string too: for what holds free text throughout (failure
    reports: error messages, task output, the failed task's log)."""
    if isinstance(data, str):
        return sanitize_text(data)
    if isinstance(data, dict):
        return {key: sanitize_all(value) for key, value in sanitize(data).items()}
    if isinstance(data, list):
        return [sanitize_all(item) for item in data]
    return data
