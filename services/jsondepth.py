"""How deeply JSON text nests, told from its brackets alone, at the speed of bytes methods.

The collector refuses bodies nested deeper than it documents before it parses them (Python's parser
recurses, and a deep enough body would exhaust its stack), and the ETL bounds the free-form JSON
it hands Elasticsearch without decoding it first. Both need the depth of JSON text on every
request or row, so it is measured without a parse and without a Python loop over the text: C-level
``bytes`` methods reduce the text to its brackets, and each round removes the innermost pairs.
"""

from __future__ import annotations

import re

_BRACKETS_AND_QUOTES = b'[]{}"'
_EVERYTHING_ELSE = bytes(byte for byte in range(256) if byte not in _BRACKETS_AND_QUOTES)
_ONE_KIND_OF_BRACKET = bytes.maketrans(b"{}", b"[]")
_STRING_LEFT = re.compile(rb'"[^"]*"')


def nesting_depth(text: bytes, *, give_up_above: int) -> int:
    """How many arrays and objects of ``text`` (UTF-8 JSON) nest in each other at most; the
    document itself is the first. Counting stops once it passes ``give_up_above``.

    On text that is not JSON (unbalanced brackets) the answer is never below the depth a parser
    would reach before failing, so a text it calls shallow enough is safe to parse.
    """
    if b"\\" in text:
        # Escaped backslashes first, then escaped quotes: what remains of each string is its quotes
        # and whatever brackets it holds (UTF-8 never uses these bytes inside a character).
        text = text.replace(b"\\\\", b"").replace(b'\\"', b"")
    # Every string, without its content, is an empty pair of quotes; removing adjacent pairs joins
    # neighbouring strings at worst, which keeps any bracket inside them inside a string.
    skeleton = text.translate(_ONE_KIND_OF_BRACKET, _EVERYTHING_ELSE).replace(b'""', b"")
    if b'"' in skeleton:  # strings that held brackets
        skeleton = _STRING_LEFT.sub(b"", skeleton)
    depth = 0
    while b"[]" in skeleton:
        depth += 1
        if depth > give_up_above:
            return depth
        skeleton = skeleton.replace(b"[]", b"")
    # Left: brackets that close nothing or are never closed (not JSON); count the openers as depth.
    return depth + skeleton.count(b"[")
