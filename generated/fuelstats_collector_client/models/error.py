from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.error_status import ErrorStatus
from ..types import UNSET, Unset






T = TypeVar("T", bound="Error")



@_attrs_define
class Error:
    """ v1 error shape, plus the JSON path and the rule that failed when there is one.

        Attributes:
            status (ErrorStatus):
            message (str): What is wrong, for a person.
            path (str | Unset): Where: a JSON path into the body ($.action_logs[0].external_id) or header.NAME.
            rule (str | Unset): Which rule failed: a JSON Schema keyword (type, required, ...) or a protocol rule (json-
                syntax, content-type, max-body-size, master-node-uid, and those of signatures: signature-required, signature,
                unknown-key, not-enrolled, stale-signature, replayed-signature, key-conflict).
            exec_time (float | Unset):
     """

    status: ErrorStatus
    message: str
    path: str | Unset = UNSET
    rule: str | Unset = UNSET
    exec_time: float | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        message = self.message

        path = self.path

        rule = self.rule

        exec_time = self.exec_time


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
            "message": message,
        })
        if path is not UNSET:
            field_dict["path"] = path
        if rule is not UNSET:
            field_dict["rule"] = rule
        if exec_time is not UNSET:
            field_dict["exec_time"] = exec_time

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = ErrorStatus(d.pop("status"))




        message = d.pop("message")

        path = d.pop("path", UNSET)

        rule = d.pop("rule", UNSET)

        exec_time = d.pop("exec_time", UNSET)

        error = cls(
            status=status,
            message=message,
            path=path,
            rule=rule,
            exec_time=exec_time,
        )

        return error

