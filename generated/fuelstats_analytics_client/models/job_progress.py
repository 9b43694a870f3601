from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="JobProgress")



@_attrs_define
class JobProgress:
    """ 
        Attributes:
            rows_done (int): Rows written so far: of the CSV (a line each, whatever line breaks its values hold), of every
                CSV in the archive, of the report.
            rows_estimate (int | None): PostgreSQL's planner's estimate of the rows to come: rough, far off for exports that
                unnest JSON; none when not known.
            bytes_done (int): Bytes of the result written so far.
     """

    rows_done: int
    rows_estimate: int | None
    bytes_done: int





    def to_dict(self) -> dict[str, Any]:
        rows_done = self.rows_done

        rows_estimate: int | None
        rows_estimate = self.rows_estimate

        bytes_done = self.bytes_done


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "rows_done": rows_done,
            "rows_estimate": rows_estimate,
            "bytes_done": bytes_done,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rows_done = d.pop("rows_done")

        def _parse_rows_estimate(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rows_estimate = _parse_rows_estimate(d.pop("rows_estimate"))


        bytes_done = d.pop("bytes_done")

        job_progress = cls(
            rows_done=rows_done,
            rows_estimate=rows_estimate,
            bytes_done=bytes_done,
        )

        return job_progress

