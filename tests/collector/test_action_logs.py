from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event, text

from fuelstats.core.database import autocommit_engine

from tests.collector.payloads import MASTER, http_request_log, nailgun_task_log

URL = "/api/v1/action_logs/"


def stored(engine: Engine) -> list[tuple[str, int, str | None, str | None]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT master_node_uid, external_id, action_type, action_name FROM action_logs ORDER BY external_id")
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def test_new_logs_are_added_in_the_order_sent(client, engine):
    batch = [http_request_log(3), nailgun_task_log(1), http_request_log(2)]
    response = client.post(URL, json={"action_logs": batch}, headers={"master-node-uid": MASTER})
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "action_logs": [
            {"master_node_uid": MASTER, "external_id": 3, "status": "added"},
            {"master_node_uid": MASTER, "external_id": 1, "status": "added"},
            {"master_node_uid": MASTER, "external_id": 2, "status": "added"},
        ],
    }
    assert stored(engine) == [
        (MASTER, 1, "nailgun_task", "deployment"),
        (MASTER, 2, "http_request", "cluster_collection"),
        (MASTER, 3, "http_request", "cluster_collection"),
    ]


def test_resending_is_harmless(client, engine):
    client.post(URL, json={"action_logs": [http_request_log(1)]})
    response = client.post(URL, json={"action_logs": [http_request_log(1), http_request_log(2)]})
    assert [entry["status"] for entry in response.json()["action_logs"]] == ["existed", "added"]
    assert [row[1] for row in stored(engine)] == [1, 2]


def test_a_resend_nobody_signed_leaves_the_stored_record_untouched(client, engine):
    client.post(URL, json={"action_logs": [http_request_log(1)]})
    response = client.post(URL, json={"action_logs": [http_request_log(1, action_name="resent")]})
    assert [entry["status"] for entry in response.json()["action_logs"]] == ["existed"]
    assert stored(engine) == [(MASTER, 1, "http_request", "cluster_collection")]
    with engine.connect() as connection:
        # Not even locked: ON CONFLICT DO UPDATE ... WHERE takes a row lock (a write) on each key it
        # does not update; a request nobody signed can never update one (storage.py).
        keys = connection.execute(text("SELECT xmax::text, verified FROM action_log_keys")).all()
    assert keys == [("0", False)]


def test_a_record_repeated_in_one_batch_is_stored_once(client, engine):
    response = client.post(URL, json={"action_logs": [http_request_log(7), http_request_log(7)]})
    assert [entry["status"] for entry in response.json()["action_logs"]] == ["added", "existed"]
    assert len(stored(engine)) == 1


def test_the_same_id_from_two_master_nodes_is_two_records(client, engine):
    response = client.post(URL, json={"action_logs": [http_request_log(1), http_request_log(1, master="other")]})
    assert [entry["status"] for entry in response.json()["action_logs"]] == ["added", "added"]
    assert len(stored(engine)) == 2


def test_a_running_task_is_skipped_until_it_ends(client, engine):
    running = nailgun_task_log(5, ended=False)
    response = client.post(URL, json={"action_logs": [running]})
    assert response.json()["action_logs"][0]["status"] == "skipped"
    assert stored(engine) == []

    response = client.post(URL, json={"action_logs": [nailgun_task_log(5, ended=True)]})
    assert response.json()["action_logs"][0]["status"] == "added"
    assert len(stored(engine)) == 1


def test_an_http_request_without_end_is_stored(client, engine):
    response = client.post(URL, json={"action_logs": [http_request_log(4, end_timestamp=None)]})
    assert response.json()["action_logs"][0]["status"] == "added"


def test_an_empty_batch_is_fine(client, engine):
    response = client.post(URL, json={"action_logs": []})
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "action_logs": []}


def test_credentials_never_reach_the_database(client, engine):
    log = http_request_log(1)
    log["body"]["additional_info"]["request_data"] = {"name": "env", "Admin-Password": "hunter2",
                                                      "nested": [{"authToken": "abc", "keep": "me"}]}
    client.post(URL, json={"action_logs": [log]})
    with engine.connect() as connection:
        body = connection.execute(text("SELECT body::text FROM action_logs")).scalar_one()
    assert "hunter2" not in body and "abc" not in body
    assert '"keep": "me"' in body


def test_logs_go_to_a_partition_of_the_month_received(client, engine):
    client.post(URL, json={"action_logs": [http_request_log(1)]})
    with engine.connect() as connection:
        partition = connection.execute(
            text("SELECT tableoid::regclass::text FROM action_logs")
        ).scalar_one()
        this_month = connection.execute(text("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM')")).scalar_one()
    assert partition == f"action_logs_{this_month}"


@contextmanager
def counted_statements(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_a_batch_costs_the_same_statements_whatever_its_size(client, engine):
    client.post(URL, json={"action_logs": [http_request_log(0)]})  # the month's partition is checked once
    # Sent on the connections that stay in autocommit mode (database.autocommit_engine).
    with counted_statements(autocommit_engine(engine)) as small:
        client.post(URL, json={"action_logs": [http_request_log(i) for i in range(1, 3)]})
    with counted_statements(autocommit_engine(engine)) as large:
        client.post(URL, json={"action_logs": [http_request_log(i) for i in range(3, 1003)]})
    # One statement: the check of which of the batch's master nodes are enrolled (docs/security.md),
    # and the insert.
    assert len(small) == len(large) == 1
    assert len(stored(engine)) == 1003


def test_a_batch_that_fails_in_storage_stores_nothing(client, engine):
    # PostgreSQL itself refuses the 3rd record, after it has taken the first two.
    with engine.begin() as connection:
        connection.execute(text(
            "CREATE FUNCTION refuse_third() RETURNS trigger LANGUAGE plpgsql AS"
            " $$ BEGIN IF NEW.external_id = 3 THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$"))
        connection.execute(text("CREATE TRIGGER refuse_third BEFORE INSERT ON action_log_keys"
                                " FOR EACH ROW EXECUTE FUNCTION refuse_third()"))
    try:
        response = client.post(URL, json={"action_logs": [http_request_log(i) for i in range(1, 6)]})
        assert response.status_code == 500
        assert response.json() == {"status": "error", "message": "internal error"}
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM action_log_keys")).scalar_one() == 0
        assert stored(engine) == []
    finally:
        with engine.begin() as connection:
            connection.execute(text("DROP TRIGGER refuse_third ON action_log_keys; DROP FUNCTION refuse_third()"))


def test_credentials_are_sanitized_however_their_keys_are_spelled(client, engine):
    # The handler skips walking bodies whose text holds no clue of a credential (sanitize.may_name_credentials).
    plain, spelled = http_request_log(1), http_request_log(2)
    spelled["body"]["additional_info"] = {"Auth_To-Ken": "s3cr3t", "note": "fine"}
    for batch in ([plain], [plain, spelled]):
        client.post(URL, json={"action_logs": batch})
    with engine.connect() as connection:
        bodies = connection.execute(text("SELECT body FROM action_logs ORDER BY external_id")).scalars().all()
    assert bodies[0] == plain["body"]
    assert bodies[1]["additional_info"] == {"Auth_To-Ken": "<sanitized>", "note": "fine"}
