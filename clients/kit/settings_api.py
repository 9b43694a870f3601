"""The master node settings over HTTP, Nailgun's `/api/settings` shape: what Fuel's web UI and CLI
call to turn sending statistics on and off and to give the contact.

    GET   /api/settings    {"master_node_uid": ..., "settings": {"statistics": {name: {"value": ...}}}}
    PATCH /api/settings    {"settings": {"statistics": {"send_anonymous_statistic": {"value": false}}}}

Mount it behind `ActionLogMiddleware` and its changes are action logs like any other.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, jsonify, request
from sqlalchemy import Engine

from fuelstats_kit import master_settings


def _shape(node: master_settings.MasterNode, engine: Engine) -> dict[str, Any]:
    from fuelstats_kit import storage

    with engine.connect() as connection:
        found = storage.master_node_settings(connection)
    assert found is not None
    return {"master_node_uid": node.uid, "settings": found[1]}


def create_app(engine: Engine) -> Flask:
    app = Flask("fuelstats_kit.settings_api")

    @app.get("/api/settings")
    def read() -> Any:
        node = master_settings.load_master_node(engine)
        if node is None:
            return jsonify(message="no master node settings yet"), 404
        return jsonify(_shape(node, engine))

    @app.patch("/api/settings")
    def change() -> Any:
        body = request.get_json(silent=True)
        statistics = body.get("settings", {}).get("statistics") if isinstance(body, dict) else None
        if not isinstance(statistics, dict) or not all(
                isinstance(entry, dict) and set(entry) == {"value"} for entry in statistics.values()):
            return jsonify(message='expected {"settings": {"statistics": {name: {"value": ...}}}}'), 400
        if "master_node_uid" in body:
            return jsonify(message="master_node_uid never changes"), 400
        try:
            node = master_settings.update_statistics(engine, {name: e["value"] for name, e in statistics.items()})
        except ValueError as error:
            return jsonify(message=str(error)), 400
        except LookupError as error:
            return jsonify(message=str(error)), 404
        return jsonify(_shape(node, engine))

    return app
