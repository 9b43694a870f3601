from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.readiness_response_status import ReadinessResponseStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.readiness_response_checks import ReadinessResponseChecks





T = TypeVar("T", bound="ReadinessResponse")



@_attrs_define
class ReadinessResponse:
    """ Whether each dependency of the service (database, replica, elasticsearch) answered in time. When one did not, status
    is error and message names it; why is in the service's log.

        Attributes:
            status (ReadinessResponseStatus):
            checks (ReadinessResponseChecks):
            message (str | Unset):
     """

    status: ReadinessResponseStatus
    checks: ReadinessResponseChecks
    message: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.readiness_response_checks import ReadinessResponseChecks # noqa: PLC0415
        status = self.status.value

        checks = self.checks.to_dict()

        message = self.message


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
            "checks": checks,
        })
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.readiness_response_checks import ReadinessResponseChecks # noqa: PLC0415
        d = dict(src_dict)
        status = ReadinessResponseStatus(d.pop("status"))




        checks = ReadinessResponseChecks.from_dict(d.pop("checks"))




        message = d.pop("message", UNSET)

        readiness_response = cls(
            status=status,
            checks=checks,
            message=message,
        )

        return readiness_response

