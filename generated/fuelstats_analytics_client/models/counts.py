from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Counts")



@_attrs_define
class Counts:
    """ 
        Attributes:
            installations (int): Installations that count (not filtered).
            filtered_installations (int):
            action_logs (int):
            oswl_stats (int):
     """

    installations: int
    filtered_installations: int
    action_logs: int
    oswl_stats: int





    def to_dict(self) -> dict[str, Any]:
        installations = self.installations

        filtered_installations = self.filtered_installations

        action_logs = self.action_logs

        oswl_stats = self.oswl_stats


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "installations": installations,
            "filtered_installations": filtered_installations,
            "action_logs": action_logs,
            "oswl_stats": oswl_stats,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        installations = d.pop("installations")

        filtered_installations = d.pop("filtered_installations")

        action_logs = d.pop("action_logs")

        oswl_stats = d.pop("oswl_stats")

        counts = cls(
            installations=installations,
            filtered_installations=filtered_installations,
            action_logs=action_logs,
            oswl_stats=oswl_stats,
        )

        return counts

