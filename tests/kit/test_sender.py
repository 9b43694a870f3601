"""The sender against a real collector server: everything once, nothing twice, nothing it must not."""

from __future__ import annotations

from sqlalchemy import text

from fuelstats_kit import master_settings
from tests.kit import masterdata
from tests.kit.helpers import sender, stored, unsent


def test_a_run_sends_everything_once_and_a_second_sends_nothing(master, engine, collector_server):
    masterdata.fill(master)
    master_settings.ensure_master_node(master)

    first = sender(master, collector_server).run_once()
    assert first.outcome == "done", first
    # 4 ended deployments and 25 API requests; the running deployment comes back `skipped`.
    assert (first.action_logs_sent, first.action_logs_pending) == (29, 1)
    assert (first.installation_structure, first.oswl_stats_sent) == ("sent", 3)
    assert stored(engine) == {"action_logs": 29, "action_log_ids": 29, "installation_structures": 1,
                              "oswl_stats": 3}
    assert unsent(master) == {"action_logs": [5], "oswl_stats": []}

    second = sender(master, collector_server).run_once()
    assert (second.action_logs_sent, second.action_logs_pending, second.oswl_stats_sent) == (0, 1, 0)
    assert stored(engine)["action_logs"] == 29


def test_a_run_cut_short_reports_what_is_really_left(master, engine, collector_server):
    masterdata.fill(master)
    master_settings.ensure_master_node(master)
    daemon = sender(master, collector_server)

    def stop_right_after_the_ping(node: master_settings.MasterNode) -> list[str]:
        daemon.stop.set()  # as SIGTERM would, or the end of FUELSTATS_SEND_RUN_SECONDS
        return []

    daemon.send_spooled_failures = stop_right_after_the_ping
    report = daemon.run_once()
    assert report.outcome == "interrupted" and report.action_logs_sent == 0
    # Not what the run got to (nothing), but what the master's database still holds unsent.
    assert (report.action_logs_pending, report.oswl_stats_pending) == (30, 3)
    assert stored(engine)["action_logs"] == 0


def test_a_task_that_ended_is_sent_on_the_next_run(master, engine, collector_server):
    masterdata.fill(master)
    master_settings.ensure_master_node(master)
    sender(master, collector_server).run_once()
    with master.begin() as connection:
        connection.execute(text("UPDATE action_logs SET end_timestamp = start_timestamp + interval '1 hour', "
                                "additional_info = '{\"ended_with_status\": \"ready\"}' WHERE id = 5"))
    report = sender(master, collector_server).run_once()
    assert (report.action_logs_sent, report.action_logs_pending) == (1, 0)
    assert stored(engine)["action_logs"] == 30 and unsent(master)["action_logs"] == []


def test_nothing_is_sent_while_the_option_is_off(master, engine, collector_server):
    masterdata.fill(master)
    master_settings.ensure_master_node(master)
    master_settings.set_sending(master, False)
    assert sender(master, collector_server).run_once().outcome == "disabled"
    assert stored(engine) == {"action_logs": 0, "action_log_ids": 0, "installation_structures": 0, "oswl_stats": 0}
    master_settings.set_sending(master, True)
    assert sender(master, collector_server).run_once().action_logs_sent == 29


def test_no_master_node_uid_no_run(master, engine, collector_server):
    masterdata.fill(master)
    assert sender(master, collector_server).run_once().outcome == "no-master-node"
    assert stored(engine)["action_logs"] == 0


def test_the_installation_info_carries_no_credentials_and_only_a_consented_contact(master, engine, collector_server):
    masterdata.fill(master)
    node = master_settings.ensure_master_node(master)
    master_settings.set_contact(master, first_name="Ada", last_name="Lovelace", email="ada@example.com",
                                company="Analytical", send=False)
    sender(master, collector_server).run_once()
    with engine.connect() as connection:
        body = connection.execute(text("SELECT structure::text FROM installation_structures")).scalar_one()
    for secret in ("s3cret", "PRIVATE KEY", "S/N-1234", "not-a-network-setting", "Lovelace", "ada@"):
        assert secret not in body
    assert '"libvirt_type": "kvm"' in body and '"contact_info_provided": false' in body

    master_settings.set_contact(master, first_name="Ada", last_name="Lovelace", email="ada@example.com",
                                company="Analytical", send=True)
    sender(master, collector_server).run_once()
    with engine.connect() as connection:
        info = connection.execute(text("SELECT structure->'user_information' FROM installation_structures "
                                       "WHERE master_node_uid = :uid"), {"uid": node.uid}).scalar_one()
    assert info == {"contact_info_provided": True, "name": "Ada Lovelace", "email": "ada@example.com",
                    "company": "Analytical"}


def test_runs_are_about_an_interval_apart_at_random_moments():
    import random

    from fuelstats_kit.sender import next_wait

    rng = random.Random(1)
    waits = [next_wait(3600, rng) for _ in range(1000)]
    assert 2700 <= min(waits) < 2800 and 4400 < max(waits) <= 4500
    assert len({round(wait) for wait in waits}) > 700  # 1000 draws over 1800 seconds: spread, not one moment
