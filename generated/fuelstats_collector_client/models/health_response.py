from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.health_response_status import HealthResponseStatus






T = TypeVar("T", bound="HealthResponse")



@_attrs_define
class HealthResponse:
    """ The process is alive and serves requests.

        Attributes:
            status (HealthResponseStatus):
     """

    status: HealthResponseStatus





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = HealthResponseStatus(d.pop("status"))




        health_response = cls(
            status=status,
        )

        return health_response

