from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.audit_trail_items_item_details import AuditTrailItemsItemDetails





T = TypeVar("T", bound="AuditTrailItemsItem")



@_attrs_define
class AuditTrailItemsItem:
    """ 
        Attributes:
            id (int):
            at (datetime.datetime):
            event (str):
            actor (None | str): The user, `cli:NAME` for the command line; none for a failed login with a name nobody has.
            address (None | str):
            details (AuditTrailItemsItemDetails):
     """

    id: int
    at: datetime.datetime
    event: str
    actor: None | str
    address: None | str
    details: AuditTrailItemsItemDetails





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_trail_items_item_details import AuditTrailItemsItemDetails # noqa: PLC0415
        id = self.id

        at = self.at.isoformat()

        event = self.event

        actor: None | str
        actor = self.actor

        address: None | str
        address = self.address

        details = self.details.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "at": at,
            "event": event,
            "actor": actor,
            "address": address,
            "details": details,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_trail_items_item_details import AuditTrailItemsItemDetails # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        event = d.pop("event")

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


        details = AuditTrailItemsItemDetails.from_dict(d.pop("details"))




        audit_trail_items_item = cls(
            id=id,
            at=at,
            event=event,
            actor=actor,
            address=address,
            details=details,
        )

        return audit_trail_items_item

