from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.master_key_events_item_event import MasterKeyEventsItemEvent
from typing import cast
import datetime






T = TypeVar("T", bound="MasterKeyEventsItem")



@_attrs_define
class MasterKeyEventsItem:
    """ 
        Attributes:
            event (MasterKeyEventsItemEvent):
            at (datetime.datetime):
            old_key_id (None | str):
            new_key_id (None | str):
            actor (None | str): Who: an OS user (CLI) or, later, the analytics' user.
            address (None | str): Where the request came from.
            reason (None | str):
     """

    event: MasterKeyEventsItemEvent
    at: datetime.datetime
    old_key_id: None | str
    new_key_id: None | str
    actor: None | str
    address: None | str
    reason: None | str





    def to_dict(self) -> dict[str, Any]:
        event = self.event.value

        at = self.at.isoformat()

        old_key_id: None | str
        old_key_id = self.old_key_id

        new_key_id: None | str
        new_key_id = self.new_key_id

        actor: None | str
        actor = self.actor

        address: None | str
        address = self.address

        reason: None | str
        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "event": event,
            "at": at,
            "old_key_id": old_key_id,
            "new_key_id": new_key_id,
            "actor": actor,
            "address": address,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event = MasterKeyEventsItemEvent(d.pop("event"))




        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_old_key_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        old_key_id = _parse_old_key_id(d.pop("old_key_id"))


        def _parse_new_key_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        new_key_id = _parse_new_key_id(d.pop("new_key_id"))


        def _parse_actor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor = _parse_actor(d.pop("actor"))


        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        master_key_events_item = cls(
            event=event,
            at=at,
            old_key_id=old_key_id,
            new_key_id=new_key_id,
            actor=actor,
            address=address,
            reason=reason,
        )

        return master_key_events_item

