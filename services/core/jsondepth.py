"""How deeply JSON text nests, told from its brackets alone, at the speed of bytes methods.

The collector refuses bodies nested deeper than it documents before it parses them (Python's parser
recurses, and a deep enough body would exhaust its stack), and the ETL bounds the free-form JSON
it hands Elasticsearch without decoding it first. Both need the depth of JSON text on every
request or row, so it is measured without a parse and without a Python loop over the text: C-level
``bytes`` methods reduce the text to its brackets, and each round removes the innermost pairs.
"""

from __future__ import annotations

import re

_ONE_KIND_OF_BRACKET = bytes.maketrans(b"{}", b"[]")
_STRING_LEFT = re.compile(rb'"[^"]*"')


def _all_but(kept: bytes) -> bytes:
    return bytes(byte for byte in range(256) if byte not in kept)


_NOT_A_BRACKET_OR_QUOTE = _all_but(b'[]{}"')
_NOT_A_BRACE_OR_QUOTE = _all_but(b'{}"')


def nesting_depth(text: bytes, *, give_up_above: int, objects_only: bool = False) -> int:
    """How many arrays and objects of ``text`` (UTF-8 JSON) nest in each other at most; the
    document itself is the first. Counting stops once it passes ``give_up_above``. With
    ``objects_only``, arrays are not counted (as Elasticsearch counts the depth of a flattened field).

    On text that is not JSON (unbalanced brackets) the answer is never below the depth a parser
    would reach before failing, so a text it calls shallow enough is safe to parse.
    """
    if b"\\" in text:
        # Escaped backslashes first, then escaped quotes: what remains of each string is its quotes
        # and whatever brackets it holds (UTF-8 never uses these bytes inside a character).
        text = text.replace(b"\\\\", b"").replace(b'\\"', b"")
    # Every string, without its content, is an empty pair of quotes; removing adjacent pairs joins
    # neighbouring strings at worst, which keeps any bracket inside them inside a string.
    deleted = _NOT_A_BRACE_OR_QUOTE if objects_only else _NOT_A_BRACKET_OR_QUOTE
    skeleton = text.translate(_ONE_KIND_OF_BRACKET, deleted).replace(b'""', b"")
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
