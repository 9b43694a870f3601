"""The systemd units that schedule backups (config/systemd/): valid for systemd, and each runs a
`fuelstats` command that exists."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from fuelstats.cli import main

UNITS = Path(__file__).resolve().parents[2] / "config" / "systemd"
BACKUP_UNITS = sorted([*UNITS.glob("fuelstats-backup*"), *UNITS.glob("fuelstats-snapshot*")])


def read(unit: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(unit)
    return parser


def scheduled() -> list[tuple[str, str]]:
    """(timer, the service it starts, a template's instance resolved)."""
    return [(timer.name, read(timer)["Timer"]["Unit"]) for timer in UNITS.glob("fuelstats-*.timer")
            if timer in BACKUP_UNITS]


def test_every_timer_starts_a_service_that_runs_a_fuelstats_command():
    assert {name for name, _ in scheduled()} == {"fuelstats-backup-full.timer", "fuelstats-backup-incr.timer",
                                                 "fuelstats-backup-verify.timer", "fuelstats-snapshot.timer"}
    for timer, service in scheduled():
        template, _, instance = service.removesuffix(".service").partition("@")
        unit = UNITS / (f"{template}@.service" if instance else service)
        assert unit.exists(), f"{timer} starts {service}, which is not there"
        command = shlex.split(read(unit)["Service"]["ExecStart"].replace("%i", instance))
        assert Path(command[0]).name == "fuelstats"
        result = CliRunner().invoke(main, [*command[1:], "--help"])
        assert result.exit_code == 0, f"{unit.name}: {' '.join(command)}: {result.output}"


def test_systemd_accepts_the_units(tmp_path: Path):
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    fuelstats = Path(sys.executable).with_name("fuelstats")
    for unit in BACKUP_UNITS:
        # Where this checkout's command is, and no environment file: systemd checks that ExecStart exists.
        text = unit.read_text().replace("/usr/local/bin/fuelstats", str(fuelstats))
        (tmp_path / unit.name).write_text(text.replace("EnvironmentFile=/", "EnvironmentFile=-/"))
    verified = [str(tmp_path / unit.name) for unit in BACKUP_UNITS if not unit.name.endswith("@.service")]
    result = subprocess.run(["systemd-analyze", "verify", "--man=no", *verified], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
