from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ok_response_status import OkResponseStatus
from ..types import UNSET, Unset






T = TypeVar("T", bound="OkResponse")



@_attrs_define
class OkResponse:
    """ 
        Attributes:
            status (OkResponseStatus):
            exec_time (float | Unset):
     """

    status: OkResponseStatus
    exec_time: float | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        exec_time = self.exec_time


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
        })
        if exec_time is not UNSET:
            field_dict["exec_time"] = exec_time

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = OkResponseStatus(d.pop("status"))




        exec_time = d.pop("exec_time", UNSET)

        ok_response = cls(
            status=status,
            exec_time=exec_time,
        )

        return ok_response

