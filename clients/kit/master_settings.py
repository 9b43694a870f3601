"""The master node's identity and its statistics settings (Nailgun's `master_node_settings` row).

The `master_node_uid` is made once, by `ensure_master_node` at installation or upgrade, and never
changes after. The settings keep Nailgun's shape, `{"statistics": {name: {"value": ...}}}`, so
Fuel's own UI and CLI read them as before.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from fuelstats_kit import storage

DEFAULT_STATISTICS: dict[str, Any] = {
    "send_anonymous_statistic": {"value": True},
    "send_user_info": {"value": False},
    "user_choice_saved": {"value": False},
    "first_name": {"value": ""},
    "last_name": {"value": ""},
    "email": {"value": ""},
    "company": {"value": ""},
}


@dataclass(frozen=True)
class MasterNode:
    uid: str
    send_statistics: bool
    send_contact: bool
    contact: dict[str, str]

    def user_information(self) -> dict[str, Any]:
        """The v1 `user_information` of the installation structure: the contact only when its owner agreed."""
        if not self.send_contact:
            return {"contact_info_provided": False}
        name = " ".join(part for part in (self.contact["first_name"], self.contact["last_name"]) if part)
        return {"contact_info_provided": True, "name": name, "email": self.contact["email"],
                "company": self.contact["company"]}


def _statistics(settings: dict[str, Any]) -> dict[str, Any]:
    return {**copy.deepcopy(DEFAULT_STATISTICS), **settings.get("statistics", {})}


def _master_node(uid: str, settings: dict[str, Any]) -> MasterNode:
    statistics = _statistics(settings)
    return MasterNode(
        uid=uid,
        send_statistics=bool(statistics["send_anonymous_statistic"]["value"]),
        send_contact=bool(statistics["send_user_info"]["value"]),
        contact={key: str(statistics[key]["value"] or "") for key in ("first_name", "last_name", "email", "company")},
    )


def ensure_master_node(engine: Engine) -> MasterNode:
    """The master node, made with a new uid and the default settings the first time (install or upgrade)."""
    with engine.begin() as connection:
        storage.lock_for_transaction(connection, storage.SETTINGS_LOCK)
        found = storage.master_node_settings(connection)
        if found is None:
            found = (str(uuid.uuid4()), {"statistics": copy.deepcopy(DEFAULT_STATISTICS)})
            storage.insert_master_node_settings(connection, *found)
    return _master_node(*found)


def load_master_node(engine: Engine) -> MasterNode | None:
    """The master node, or None before `ensure_master_node` ran."""
    with engine.connect() as connection:
        found = storage.master_node_settings(connection)
    return _master_node(*found) if found else None


def _change(engine: Engine, values: dict[str, Any]) -> MasterNode:
    with engine.begin() as connection:
        storage.lock_for_transaction(connection, storage.SETTINGS_LOCK)
        found = storage.master_node_settings(connection)
        if found is None:
            raise LookupError("the master node has no settings yet: run `fuelstats-master init` first")
        uid, settings = found
        statistics = _statistics(settings)
        for name, value in values.items():
            statistics[name] = {**statistics.get(name, {}), "value": value}
        statistics["user_choice_saved"] = {"value": True}
        settings = {**settings, "statistics": statistics}
        storage.replace_settings(connection, settings)
    return _master_node(uid, settings)


def set_sending(engine: Engine, enabled: bool) -> MasterNode:
    """Turn sending statistics on or off (the API call behind Fuel's settings page and CLI)."""
    return _change(engine, {"send_anonymous_statistic": enabled})


def set_contact(engine: Engine, *, first_name: str, last_name: str, email: str, company: str,
                send: bool) -> MasterNode:
    """Store the customer contact, and whether it may be sent along with the statistics."""
    return _change(engine, {"first_name": first_name, "last_name": last_name, "email": email, "company": company,
                            "send_user_info": send})



# What the settings API may change, and the type of each.
CHANGEABLE: dict[str, type] = {"send_anonymous_statistic": bool, "send_user_info": bool, "first_name": str,
                               "last_name": str, "email": str, "company": str}


def update_statistics(engine: Engine, values: dict[str, Any]) -> MasterNode:
    """Set named statistics settings at once (the settings API's PATCH); anything else is a ValueError."""
    for name, value in values.items():
        if name not in CHANGEABLE:
            raise ValueError(f"{name!r} is not a setting that can be changed")
        if not isinstance(value, CHANGEABLE[name]):
            raise ValueError(f"{name!r} must be a {CHANGEABLE[name].__name__}")
    return _change(engine, values)
