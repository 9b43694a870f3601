"""The benchmarks run only in `make bench`, so a change that breaks one would be found there, late:
each module named in the Makefile's bench target must at least import and have its entry point."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

MAKEFILE = Path(__file__).resolve().parents[1] / "Makefile"
BENCHES = re.findall(r"-m (bench\.\w+)", MAKEFILE.read_text())


def test_the_bench_target_runs_benchmarks():
    assert len(BENCHES) >= 5, BENCHES


@pytest.mark.parametrize("module", BENCHES)
def test_a_benchmark_imports_and_has_its_entry_point(module):
    assert callable(importlib.import_module(module).main)
