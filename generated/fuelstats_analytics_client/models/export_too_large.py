from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.export_too_large_rule import ExportTooLargeRule
from ..models.export_too_large_status import ExportTooLargeStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.export_too_large_job import ExportTooLargeJob





T = TypeVar("T", bound="ExportTooLarge")



@_attrs_define
class ExportTooLarge:
    """ An export too large to be streamed in one request (more rows than FUELSTATS_EXPORT_SYNC_LIMIT): the same export,
    asked for as a job. POST `job.body` to `job.href`, then download the job's result.

        Attributes:
            status (ExportTooLargeStatus):
            message (str):
            rule (ExportTooLargeRule):
            job (ExportTooLargeJob):
            rows_at_least (int | Unset): Rows counted before counting stopped: more than the limit.
     """

    status: ExportTooLargeStatus
    message: str
    rule: ExportTooLargeRule
    job: ExportTooLargeJob
    rows_at_least: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.export_too_large_job import ExportTooLargeJob # noqa: PLC0415
        status = self.status.value

        message = self.message

        rule = self.rule.value

        job = self.job.to_dict()

        rows_at_least = self.rows_at_least


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
            "message": message,
            "rule": rule,
            "job": job,
        })
        if rows_at_least is not UNSET:
            field_dict["rows_at_least"] = rows_at_least

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.export_too_large_job import ExportTooLargeJob # noqa: PLC0415
        d = dict(src_dict)
        status = ExportTooLargeStatus(d.pop("status"))




        message = d.pop("message")

        rule = ExportTooLargeRule(d.pop("rule"))




        job = ExportTooLargeJob.from_dict(d.pop("job"))




        rows_at_least = d.pop("rows_at_least", UNSET)

        export_too_large = cls(
            status=status,
            message=message,
            rule=rule,
            job=job,
            rows_at_least=rows_at_least,
        )

        return export_too_large

