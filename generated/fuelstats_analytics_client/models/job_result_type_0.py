from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.job_result_type_0_media_type import JobResultType0MediaType






T = TypeVar("T", bound="JobResultType0")



@_attrs_define
class JobResultType0:
    """ 
        Attributes:
            href (str): Where to download it (resumable: Range, If-Range).
            bytes_ (int):
            media_type (JobResultType0MediaType):
     """

    href: str
    bytes_: int
    media_type: JobResultType0MediaType





    def to_dict(self) -> dict[str, Any]:
        href = self.href

        bytes_ = self.bytes_

        media_type = self.media_type.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "href": href,
            "bytes": bytes_,
            "media_type": media_type,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        href = d.pop("href")

        bytes_ = d.pop("bytes")

        media_type = JobResultType0MediaType(d.pop("media_type"))




        job_result_type_0 = cls(
            href=href,
            bytes_=bytes_,
            media_type=media_type,
        )

        return job_result_type_0

