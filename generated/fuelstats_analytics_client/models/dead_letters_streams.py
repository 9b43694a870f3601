from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="DeadLettersStreams")



@_attrs_define
class DeadLettersStreams:
    """ Parked documents per stream, whatever the selection.

        Attributes:
            installations (int):
            action_logs (int):
            oswl_stats (int):
     """

    installations: int
    action_logs: int
    oswl_stats: int





    def to_dict(self) -> dict[str, Any]:
        installations = self.installations

        action_logs = self.action_logs

        oswl_stats = self.oswl_stats


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "installations": installations,
            "action_logs": action_logs,
            "oswl_stats": oswl_stats,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        installations = d.pop("installations")

        action_logs = d.pop("action_logs")

        oswl_stats = d.pop("oswl_stats")

        dead_letters_streams = cls(
            installations=installations,
            action_logs=action_logs,
            oswl_stats=oswl_stats,
        )

        return dead_letters_streams

