"""The shipped service definitions: the systemd units (config/systemd) and the sender's supervisord program.

Each unit, the backups' and their timers included, passes `systemd-analyze verify` with its command
pointed at this virtualenv (where systemd's tools are installed), and the command it names is an
installed entry point whose subcommand starts with the unit's own arguments (its --help). Every
unit runs that command from one place, with one environment file, as the fuelstats user (but for
pgBackRest's, as postgres). The long-running services are hardened, as `systemd-analyze security`
rates them.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections import defaultdict
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from fuelstats_common.settings import known_variables, variables_of
from fuelstats_kit.settings import KitSettings

REPOSITORY = Path(__file__).resolve().parents[2]
SYSTEMD = REPOSITORY / "config" / "systemd"
SENDER = REPOSITORY / "config" / "supervisord" / "fuelstats-sender.conf"
TIMERS = sorted(SYSTEMD.glob("*.timer"))
DAEMONS = ("fuelstats-collector.service", "fuelstats-analytics.service", "fuelstats-etl.service",
           "fuelstats-notify.service", "fuelstats-worker.service")
# The units that run pgBackRest, which must be the account that owns the clusters' files (docs/backups.md).
PGBACKREST_UNITS = {"fuelstats-backup@.service", "fuelstats-backup-verify.service"}
INSTALLED = "/opt/fuelstats/bin"
ENVIRONMENT_FILE = "/etc/fuelstats/fuelstats.env"
BIN = Path(sys.executable).parent
COMMANDS = {"fuelstats", "fuelstats-master"}
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")
no_systemd = pytest.mark.skipif(SYSTEMD_ANALYZE is None,
                                reason="systemd-analyze is not installed (Debian's systemd package has it)")


def directives(unit: Path) -> dict[str, list[str]]:
    """Every Key=Value of the unit, each key with all its values (systemd allows repeating most)."""
    found: dict[str, list[str]] = defaultdict(list)
    for line in unit.read_text().splitlines():
        if line and not line.startswith(("#", ";", "[")) and "=" in line:
            key, _, value = line.partition("=")
            found[key.strip()].append(value.strip())
    return found


def started_by_timers() -> dict[str, str]:
    """The service each timer starts (fuelstats-backup@full.service), by timer."""
    return {timer.name: directives(timer)["Unit"][0] for timer in TIMERS}


def file_of(service: str) -> Path:
    """The unit file of a service: a template's for one of its instances."""
    template, at, _ = service.removesuffix(".service").partition("@")
    return SYSTEMD / (f"{template}@.service" if at else service)


# Every service, a template by the instances its timers start (a template alone runs nothing).
SERVICES = sorted({*(path.name for path in SYSTEMD.glob("*.service") if "@" not in path.name),
                   *started_by_timers().values()})


def command_of(service: str) -> list[str]:
    instance = service.removesuffix(".service").partition("@")[2]
    return shlex.split(directives(file_of(service))["ExecStart"][0].replace("%i", instance))


def here(unit: Path, folder: Path) -> Path:
    """A copy of the unit whose command is this virtualenv's (the shipped one names /opt/fuelstats/bin)."""
    copy = folder / unit.name
    copy.write_text(unit.read_text().replace(f"ExecStart={INSTALLED}/", f"ExecStart={BIN}/"))
    return copy


def clean_environment() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if not name.startswith("FUELSTATS_")}


def test_the_services_and_the_backups_timers_are_shipped():
    assert set(DAEMONS) <= set(SERVICES)
    assert started_by_timers() == {
        "fuelstats-backup-full.timer": "fuelstats-backup@full.service",
        "fuelstats-backup-incr.timer": "fuelstats-backup@incr.service",
        "fuelstats-backup-verify.timer": "fuelstats-backup-verify.service",
        "fuelstats-snapshot.timer": "fuelstats-snapshot.service",
    }
    assert all(file_of(service).exists() for service in started_by_timers().values())


@pytest.mark.parametrize("unit", sorted(SYSTEMD.glob("*.service")), ids=lambda unit: unit.name)
def test_every_unit_runs_from_one_place_with_one_environment_as_one_user(unit: Path):
    settings = directives(unit)
    assert Path(shlex.split(settings["ExecStart"][0])[0]).parent == Path(INSTALLED)
    assert settings["EnvironmentFile"] == [ENVIRONMENT_FILE]
    user = "postgres" if unit.name in PGBACKREST_UNITS else "fuelstats"
    assert (settings["User"], settings["Group"]) == ([user], [user])


@pytest.mark.parametrize("service", SERVICES)
def test_the_command_a_unit_names_is_installed_and_starts(service: str):
    program, *arguments = command_of(service)
    assert Path(program).name in COMMANDS & {entry.name for entry in entry_points(group="console_scripts")}
    result = subprocess.run([str(BIN / Path(program).name), *arguments, "--help"], env=clean_environment(),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("Usage:"), result.stdout + result.stderr


@no_systemd
@pytest.mark.parametrize("unit", [*(file_of(service) for service in SERVICES if "@" not in service), *TIMERS],
                         ids=lambda unit: unit.name)
def test_each_unit_passes_systemd_analyze_verify(unit: Path, tmp_path: Path):
    for shipped in SYSTEMD.glob("*.service"):  # what a timer starts is verified with it
        here(shipped, tmp_path)
    copy = tmp_path / unit.name if unit.suffix == ".service" else Path(shutil.copy(unit, tmp_path))
    result = subprocess.run([SYSTEMD_ANALYZE, "verify", str(copy)], capture_output=True, text=True, timeout=60,
                            cwd=tmp_path)
    # Unknown keys and malformed values are warnings about the file, with status 0: none may be there.
    complaints = [line for line in result.stderr.splitlines() if "fuelstats" in line]
    assert result.returncode == 0 and not complaints, result.stderr


@pytest.mark.parametrize("name", DAEMONS)
def test_the_services_run_hardened_as_their_own_user(name: str, tmp_path: Path):
    settings = directives(SYSTEMD / name)
    expected = {"User": "fuelstats", "Restart": "on-failure", "ProtectSystem": "strict", "NoNewPrivileges": "yes",
                "PrivateTmp": "yes", "ProtectHome": "yes", "EnvironmentFile": "/etc/fuelstats/fuelstats.env"}
    assert {key: settings[key][-1] for key in expected if key in settings} == expected
    assert "ReadWritePaths" not in settings  # each writes only its RuntimeDirectory and private /tmp
    if SYSTEMD_ANALYZE is None or "--offline" not in subprocess.run(
            [SYSTEMD_ANALYZE, "security", "--help"], capture_output=True, text=True).stdout:
        return  # the ratings below need systemd 250 or later
    rated = subprocess.run([SYSTEMD_ANALYZE, "security", "--offline=yes", str(here(SYSTEMD / name, tmp_path))],
                           capture_output=True, text=True, timeout=60)
    overall = re.search(r"Overall exposure level for \S+: ([0-9.]+) (\w+)", rated.stdout + rated.stderr)
    assert overall and overall[2] in {"SAFE", "OK"}, rated.stdout[-2000:] + rated.stderr


def test_the_environment_file_names_only_settings_that_exist():
    example = (SYSTEMD / "fuelstats.env.example").read_text()
    named = set(re.findall(r"^#? ?(FUELSTATS_[A-Z_]+)=", example, flags=re.MULTILINE))
    assert named and named <= known_variables(), named - known_variables()


def test_the_sender_is_a_supervisord_program_that_starts(tmp_path: Path):
    from supervisor.options import ServerOptions

    # supervisord checks that the user exists: the master node's `nailgun` is not one of this machine's.
    program = SENDER.read_text().replace("user=nailgun", f"user={os.getuid()}")
    (tmp_path / "fuelstats-sender.conf").write_text(program)
    (tmp_path / "supervisord.conf").write_text(f"[supervisord]\n[include]\nfiles = {tmp_path}/fuelstats-sender.conf\n")
    options = ServerOptions()
    options.realize(args=["-c", str(tmp_path / "supervisord.conf")])
    [group] = options.process_group_configs
    [sender] = group.process_configs
    assert sender.name == "fuelstats-sender" and sender.stopsignal.name == "SIGTERM"
    assert set(sender.environment) <= variables_of(KitSettings)
    executable, *arguments = shlex.split(sender.command)
    assert Path(executable).name == "fuelstats-master" and arguments == ["sender", "run"]
    result = subprocess.run([str(BIN / "fuelstats-master"), *arguments, "--help"], env=clean_environment(),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("Usage:"), result.stderr
