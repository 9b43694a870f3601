from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.master_key_events_item import MasterKeyEventsItem





T = TypeVar("T", bound="MasterKey")



@_attrs_define
class MasterKey:
    """ 
        Attributes:
            master_node_uid (str):
            key_id (None | str): Null after a reset without a key, until the master enrolls again.
            public_key (None | str):
            enrolled_at (datetime.datetime):
            changed_at (datetime.datetime):
            events (list[MasterKeyEventsItem]):
     """

    master_node_uid: str
    key_id: None | str
    public_key: None | str
    enrolled_at: datetime.datetime
    changed_at: datetime.datetime
    events: list[MasterKeyEventsItem]





    def to_dict(self) -> dict[str, Any]:
        from ..models.master_key_events_item import MasterKeyEventsItem # noqa: PLC0415
        master_node_uid = self.master_node_uid

        key_id: None | str
        key_id = self.key_id

        public_key: None | str
        public_key = self.public_key

        enrolled_at = self.enrolled_at.isoformat()

        changed_at = self.changed_at.isoformat()

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "master_node_uid": master_node_uid,
            "key_id": key_id,
            "public_key": public_key,
            "enrolled_at": enrolled_at,
            "changed_at": changed_at,
            "events": events,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.master_key_events_item import MasterKeyEventsItem # noqa: PLC0415
        d = dict(src_dict)
        master_node_uid = d.pop("master_node_uid")

        def _parse_key_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key_id = _parse_key_id(d.pop("key_id"))


        def _parse_public_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        public_key = _parse_public_key(d.pop("public_key"))


        enrolled_at = datetime.datetime.fromisoformat(d.pop("enrolled_at"))




        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))




        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = MasterKeyEventsItem.from_dict(events_item_data)



            events.append(events_item)


        master_key = cls(
            master_node_uid=master_node_uid,
            key_id=key_id,
            public_key=public_key,
            enrolled_at=enrolled_at,
            changed_at=changed_at,
            events=events,
        )

        return master_key

