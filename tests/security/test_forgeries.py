"""Each forgery of issue 15, tried against the real collector (gunicorn, PostgreSQL) for an enrolled
master node: refused with 401 and changing nothing; the master's genuine data arrives intact after."""

from __future__ import annotations

from fuelstats_common import signatures
from tests.collector.payloads import http_request_log, installation_structure, oswl_record
from tests.failures.payloads import failure_report
from tests.security.signing import Master, copy_of, quarantine_counts, rows, unsigned

LOGS, STRUCTURE, OSWL, FAILURES = ("/api/v1/action_logs/", "/api/v1/installation_structure/", "/api/v1/oswl_stats/",
                                   "/api/v1/failure_reports/")


def test_an_enrolled_master_is_protected_from_every_forgery(collector_server, engine):
    master = Master(collector_server)
    assert master.enrol() == "added"
    assert master.enrol() == "existed"
    genuine = master.collector()
    genuine.send_installation_structure(installation_structure(master.uid, release="9.0"))

    forged_structure = {"installation_structure": installation_structure(master.uid, release="6.0", clusters=[])}
    forged_logs = {"action_logs": [http_request_log(i, master.uid, action_name="forged") for i in (1, 2, 3)]}
    forged_oswl = {"oswl_stats": [oswl_record(1, master.uid)]}
    forged_report = failure_report(master=master.uid, contact={"name": "Mallory", "email": "m@evil.example"})
    attacker = signatures.new_private_key()
    forgeries = [
        # anonymous, naming the master in the header, or only in the body (the header is optional in v1)
        unsigned(collector_server, STRUCTURE, forged_structure, master.uid),
        unsigned(collector_server, STRUCTURE, forged_structure),
        unsigned(collector_server, LOGS, forged_logs, master.uid),
        unsigned(collector_server, LOGS, forged_logs),
        unsigned(collector_server, OSWL, forged_oswl),
        unsigned(collector_server, FAILURES, forged_report),
        # signed, but by another key, or with a body that is not the one signed
        master.post(LOGS, forged_logs, key=attacker),
        master.post(STRUCTURE, forged_structure, key=attacker),
        master.send(copy_of(master.request(LOGS, {"action_logs": [http_request_log(9, master.uid)]}), forged_logs)),
    ]
    assert [(answer.status_code, answer.json()["rule"]) for answer in forgeries] == [
        (401, "signature-required")] * 6 + [(401, "unknown-key")] * 2 + [(401, "signature")]
    assert all(answer.headers["www-authenticate"].startswith("Signature ") for answer in forgeries)
    assert "content-digest" in forgeries[0].headers["accept-signature"]
    # Nothing changed: the structure is the master's, no log, OSWL record or report was claimed.
    assert rows(engine, "SELECT release, verified FROM installation_structures") == [("9.0", True)]
    assert rows(engine, "SELECT count(*) FROM action_log_keys") == [(0,)]
    assert rows(engine, "SELECT count(*) FROM oswl_stats") == [(0,)]
    assert rows(engine, "SELECT count(*) FROM failure_reports") == [(0,)]
    assert quarantine_counts(engine) == {("signature-required", master.uid): 6, ("unknown-key", master.uid): 2,
                                         ("signature", master.uid): 1}

    # The master's own data arrives whole, verified.
    assert genuine.send_action_logs([http_request_log(i, master.uid) for i in (1, 2, 3)]) == {
        1: "added", 2: "added", 3: "added"}
    assert genuine.send_oswl_stats([oswl_record(1, master.uid)]) == {1: "added"}
    assert rows(engine, "SELECT DISTINCT body->>'action_name', verified FROM action_logs") == [
        ("cluster_collection", True)]
    assert rows(engine, "SELECT verified FROM oswl_stats") == [(True,)]
    genuine.close()


def test_ids_claimed_before_enrolment_do_not_swallow_the_masters_logs(collector_server, engine):
    master = Master(collector_server)
    # Before the master enrolls, an anonymous sender claims its next action log ids.
    claimed = unsigned(collector_server, LOGS, {"action_logs": [
        http_request_log(i, master.uid, action_name="forged") for i in (1, 2)]})
    assert [item["status"] for item in claimed.json()["action_logs"]] == ["added", "added"]
    master.enrol()
    genuine = master.collector()
    # The master's own logs replace them, and are answered so that its sender marks them sent.
    assert genuine.send_action_logs([http_request_log(i, master.uid) for i in (1, 2, 3)]) == {
        1: "added", 2: "added", 3: "added"}
    assert genuine.send_action_logs([http_request_log(1, master.uid)]) == {1: "existed"}
    assert rows(engine, "SELECT external_id, body->>'action_name', verified FROM action_logs ORDER BY 1") == [
        (1, "cluster_collection", True), (2, "cluster_collection", True), (3, "cluster_collection", True)]
    assert rows(engine, "SELECT count(*) FROM action_log_keys WHERE verified") == [(3,)]
    genuine.close()


def test_legacy_masters_that_never_enrolled_keep_working_unverified(collector_server, engine):
    legacy = "legacy-" + Master(collector_server).uid
    answers = [
        unsigned(collector_server, LOGS, {"action_logs": [http_request_log(1, legacy)]}, legacy),
        unsigned(collector_server, STRUCTURE, {"installation_structure": installation_structure(legacy)}, legacy),
        unsigned(collector_server, OSWL, {"oswl_stats": [oswl_record(1, legacy)]}),
    ]
    assert [answer.status_code for answer in answers] == [200, 201, 200]
    for table in ("action_logs", "action_log_keys", "installation_structures", "oswl_stats"):
        assert rows(engine, f"SELECT verified FROM {table}") == [(False,)], table
    assert quarantine_counts(engine) == {}


def test_a_replayed_request_is_refused(collector_server, engine):
    master = Master(collector_server)
    master.enrol()
    captured = master.request(LOGS, {"action_logs": [http_request_log(1, master.uid)]})
    first = master.send(captured)
    assert first.json()["action_logs"][0]["status"] == "added"
    replayed = master.send(copy_of(captured))
    assert (replayed.status_code, replayed.json()["rule"]) == (401, "replayed-signature")
    assert rows(engine, "SELECT count(*) FROM action_logs") == [(1,)]


def test_clock_skew_inside_the_window_passes_and_outside_is_refused(collector_server, engine):
    import datetime as dt

    master = Master(collector_server)
    master.enrol()
    now = dt.datetime.now(dt.UTC)
    skew = dt.timedelta(seconds=300)  # FUELSTATS_SIGNATURE_SKEW's default
    margin = dt.timedelta(seconds=30)
    inside = [master.post(LOGS, {"action_logs": [http_request_log(i, master.uid)]}, created=now + offset)
              for i, offset in ((1, skew - margin), (2, margin - skew))]
    outside = [master.post(LOGS, {"action_logs": [http_request_log(i, master.uid)]}, created=now + offset)
               for i, offset in ((3, skew + margin), (4, -skew - margin))]
    assert [answer.status_code for answer in inside] == [200, 200]
    assert [(answer.status_code, answer.json()["rule"]) for answer in outside] == [(401, "stale-signature")] * 2
    assert rows(engine, "SELECT external_id FROM action_logs ORDER BY 1") == [(1,), (2,)]


def test_a_signature_for_a_master_that_never_enrolled_is_refused(collector_server, engine):
    master = Master(collector_server)
    answer = master.post(LOGS, {"action_logs": [http_request_log(1, master.uid)]})
    assert (answer.status_code, answer.json()["rule"]) == (401, "not-enrolled")
    # Another key for an enrolled master is a conflict: only a rotation or a reset changes it.
    master.enrol()
    usurper = Master(collector_server, uid=master.uid)
    collector = usurper.collector()
    try:
        collector.enrol()
        raise AssertionError("a second key was enrolled")
    except Exception as error:  # CollectorUnauthorized
        assert getattr(error, "status", None) == 409 and error.rule == "key-conflict"  # type: ignore[attr-defined]
    finally:
        collector.close()
    assert rows(engine, "SELECT key_id FROM master_keys") == [(signatures.key_id(master.key.public_key()),)]


def test_an_unsigned_submission_is_refused_by_its_write_after_its_body_is_validated(collector_server, engine):
    """No key lookup for unsigned requests (the fleet's v1 traffic): the write refuses them, so a
    malformed body is answered as from anybody, and nothing is stored either way."""
    master = Master(collector_server)
    assert master.enrol() == "added"
    malformed = {"action_logs": [{**http_request_log(1, master.uid), "external_id": "one"}]}
    answer = unsigned(collector_server, LOGS, malformed, master.uid)
    assert (answer.status_code, answer.json()["rule"], answer.json()["path"]) == (400, "type", "$.action_logs[0].external_id")
    answer = unsigned(collector_server, LOGS, {"action_logs": [http_request_log(1, master.uid)]}, master.uid)
    assert (answer.status_code, answer.json()["rule"]) == (401, "signature-required")
    assert rows(engine, "SELECT count(*) FROM action_log_keys") == [(0,)]
    assert quarantine_counts(engine) == {("signature-required", master.uid): 1}
