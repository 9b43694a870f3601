from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.job_request_kind import JobRequestKind
from ..models.job_request_name import JobRequestName
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="JobRequest")



@_attrs_define
class JobRequest:
    """ A job to make (docs/jobs.md): an export (`kind: export`; `name` one of the private part's exports, `oswl` with its
    `resource_type`, or `archive`, everything as one ZIP), admins only, from this machine only; or a heavy report
    (`kind: report`, `name: deployment_history`), anyone who may read the reports. `from`, `to` and `include_filtered`
    select as the private exports do (for the report: days of the deployments).

        Attributes:
            kind (JobRequestKind):
            name (JobRequestName):
            resource_type (str | Unset): The OSWL resource type (vm, volume, tenant, ...): with `name: oswl` only.
            from_ (datetime.date | Unset):
            to (datetime.date | Unset):
            include_filtered (bool | Unset):  Default: False.
     """

    kind: JobRequestKind
    name: JobRequestName
    resource_type: str | Unset = UNSET
    from_: datetime.date | Unset = UNSET
    to: datetime.date | Unset = UNSET
    include_filtered: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name.value

        resource_type = self.resource_type

        from_: str | Unset = UNSET
        if not isinstance(self.from_, Unset):
            from_ = self.from_.isoformat()

        to: str | Unset = UNSET
        if not isinstance(self.to, Unset):
            to = self.to.isoformat()

        include_filtered = self.include_filtered


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "name": name,
        })
        if resource_type is not UNSET:
            field_dict["resource_type"] = resource_type
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if include_filtered is not UNSET:
            field_dict["include_filtered"] = include_filtered

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = JobRequestKind(d.pop("kind"))




        name = JobRequestName(d.pop("name"))




        resource_type = d.pop("resource_type", UNSET)

        _from_ = d.pop("from", UNSET)
        from_: datetime.date | Unset
        if isinstance(_from_,  Unset):
            from_ = UNSET
        else:
            from_ = datetime.date.fromisoformat(_from_)




        _to = d.pop("to", UNSET)
        to: datetime.date | Unset
        if isinstance(_to,  Unset):
            to = UNSET
        else:
            to = datetime.date.fromisoformat(_to)




        include_filtered = d.pop("include_filtered", UNSET)

        job_request = cls(
            kind=kind,
            name=name,
            resource_type=resource_type,
            from_=from_,
            to=to,
            include_filtered=include_filtered,
        )

        return job_request

