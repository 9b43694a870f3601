from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.export_too_large_job_href import ExportTooLargeJobHref
from ..models.export_too_large_job_method import ExportTooLargeJobMethod
from typing import cast

if TYPE_CHECKING:
  from ..models.job_request import JobRequest





T = TypeVar("T", bound="ExportTooLargeJob")



@_attrs_define
class ExportTooLargeJob:
    """ 
        Attributes:
            href (ExportTooLargeJobHref):
            method (ExportTooLargeJobMethod):
            body (JobRequest): A job to make (docs/jobs.md): an export (`kind: export`; `name` one of the private part's
                exports, `oswl` with its `resource_type`, or `archive`, everything as one ZIP), admins only, from this machine
                only; or a heavy report (`kind: report`, `name: deployment_history`), anyone who may read the reports. `from`,
                `to` and `include_filtered` select as the private exports do (for the report: days of the deployments).
     """

    href: ExportTooLargeJobHref
    method: ExportTooLargeJobMethod
    body: JobRequest





    def to_dict(self) -> dict[str, Any]:
        from ..models.job_request import JobRequest # noqa: PLC0415
        href = self.href.value

        method = self.method.value

        body = self.body.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "href": href,
            "method": method,
            "body": body,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_request import JobRequest # noqa: PLC0415
        d = dict(src_dict)
        href = ExportTooLargeJobHref(d.pop("href"))




        method = ExportTooLargeJobMethod(d.pop("method"))




        body = JobRequest.from_dict(d.pop("body"))




        export_too_large_job = cls(
            href=href,
            method=method,
            body=body,
        )

        return export_too_large_job

