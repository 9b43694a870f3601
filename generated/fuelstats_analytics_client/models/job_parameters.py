from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="JobParameters")



@_attrs_define
class JobParameters:
    """ 
        Attributes:
            from_ (datetime.date | None):
            to (datetime.date | None):
            include_filtered (bool):
            resource_type (str | Unset):
     """

    from_: datetime.date | None
    to: datetime.date | None
    include_filtered: bool
    resource_type: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from_: None | str
        if isinstance(self.from_, datetime.date):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        to: None | str
        if isinstance(self.to, datetime.date):
            to = self.to.isoformat()
        else:
            to = self.to

        include_filtered = self.include_filtered

        resource_type = self.resource_type


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "from": from_,
            "to": to,
            "include_filtered": include_filtered,
        })
        if resource_type is not UNSET:
            field_dict["resource_type"] = resource_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_from_(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = datetime.date.fromisoformat(data)



                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        from_ = _parse_from_(d.pop("from"))


        def _parse_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_type_0 = datetime.date.fromisoformat(data)



                return to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        to = _parse_to(d.pop("to"))


        include_filtered = d.pop("include_filtered")

        resource_type = d.pop("resource_type", UNSET)

        job_parameters = cls(
            from_=from_,
            to=to,
            include_filtered=include_filtered,
            resource_type=resource_type,
        )

        return job_parameters

