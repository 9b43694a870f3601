"""JSON as the services send it to Elasticsearch."""

from __future__ import annotations

import datetime as dt
import decimal

from fuelstats.core.elastic import dumps


def test_integers_beyond_64_bits_fall_back_to_the_json_module():
    assert dumps({"size": 2**70}) == b'{"size":1180591620717411303424}'


def test_what_the_client_serializes_is_serialized_alike():
    assert dumps({"at": dt.date(2026, 11, 26), "share": decimal.Decimal("0.5")}) == b'{"at":"2026-11-26","share":0.5}'
