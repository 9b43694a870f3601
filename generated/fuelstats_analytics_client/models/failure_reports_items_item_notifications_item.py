from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.failure_reports_items_item_notifications_item_channel import FailureReportsItemsItemNotificationsItemChannel
from typing import cast
import datetime






T = TypeVar("T", bound="FailureReportsItemsItemNotificationsItem")



@_attrs_define
class FailureReportsItemsItemNotificationsItem:
    """ 
        Attributes:
            channel (FailureReportsItemsItemNotificationsItemChannel):
            delivered_at (datetime.datetime | None):
            attempts (int):
            next_attempt_at (datetime.datetime | None): When the next try is due; null once delivered.
            last_error (None | str):
     """

    channel: FailureReportsItemsItemNotificationsItemChannel
    delivered_at: datetime.datetime | None
    attempts: int
    next_attempt_at: datetime.datetime | None
    last_error: None | str





    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        attempts = self.attempts

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        last_error: None | str
        last_error = self.last_error


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "channel": channel,
            "delivered_at": delivered_at,
            "attempts": attempts,
            "next_attempt_at": next_attempt_at,
            "last_error": last_error,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = FailureReportsItemsItemNotificationsItemChannel(d.pop("channel"))




        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)



                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))


        attempts = d.pop("attempts")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        failure_reports_items_item_notifications_item = cls(
            channel=channel,
            delivered_at=delivered_at,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            last_error=last_error,
        )

        return failure_reports_items_item_notifications_item

