"""Reading a program's metrics as Prometheus does: its text exposition, scraped over HTTP."""

from __future__ import annotations

import httpx
from prometheus_client.parser import text_string_to_metric_families

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(url: str) -> Samples:
    """Every sample at ``url`` (``http://HOST:PORT/metrics``), by name and labels."""
    response = httpx.get(url, timeout=10)
    assert response.status_code == 200, response.text
    return {(sample.name, frozenset(sample.labels.items())): sample.value
            for family in text_string_to_metric_families(response.text) for sample in family.samples}


def value(samples: Samples, name: str, **labels: str) -> float:
    """One sample's value; 0 when it was never counted (Prometheus reads it so too)."""
    return samples.get((name, frozenset(labels.items())), 0.0)
