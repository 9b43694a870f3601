"""generated/ is what `make generate` makes from openapi/ now: the spec stays the single source of truth."""

from __future__ import annotations

from pathlib import Path

from tools.generate_clients import CLIENTS, GENERATED, generate


def _files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts}


def test_generated_clients_are_fresh(tmp_path):
    generate(tmp_path)
    stale = []
    for package, _ in CLIENTS.values():
        committed, fresh = _files(GENERATED / package), _files(tmp_path / package)
        stale += [f"{package}/{name}: not generated any more" for name in committed.keys() - fresh.keys()]
        stale += [f"{package}/{name}: missing" for name in fresh.keys() - committed.keys()]
        stale += [f"{package}/{name}: differs" for name in committed.keys() & fresh.keys()
                  if committed[name] != fresh[name]]
    assert not stale, "generated/ is stale against openapi/; run `make generate` and commit it:\n" + "\n".join(
        sorted(stale))


def test_the_collector_client_has_every_v1_call():
    from fuelstats_collector_client.api.v1 import ping, post_action_logs, post_installation_structure, post_oswl_stats

    for module in (ping, post_action_logs, post_installation_structure, post_oswl_stats):
        assert callable(module.sync_detailed)

