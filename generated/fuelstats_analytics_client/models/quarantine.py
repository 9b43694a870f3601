from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.quarantine_counts_item import QuarantineCountsItem
  from ..models.quarantine_samples import QuarantineSamples





T = TypeVar("T", bound="Quarantine")



@_attrs_define
class Quarantine:
    """ 
        Attributes:
            counts (list[QuarantineCountsItem]):
            total_refused (int):
            samples (QuarantineSamples):
     """

    counts: list[QuarantineCountsItem]
    total_refused: int
    samples: QuarantineSamples





    def to_dict(self) -> dict[str, Any]:
        from ..models.quarantine_counts_item import QuarantineCountsItem # noqa: PLC0415
        from ..models.quarantine_samples import QuarantineSamples # noqa: PLC0415
        counts = []
        for counts_item_data in self.counts:
            counts_item = counts_item_data.to_dict()
            counts.append(counts_item)



        total_refused = self.total_refused

        samples = self.samples.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "counts": counts,
            "total_refused": total_refused,
            "samples": samples,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quarantine_counts_item import QuarantineCountsItem # noqa: PLC0415
        from ..models.quarantine_samples import QuarantineSamples # noqa: PLC0415
        d = dict(src_dict)
        counts = []
        _counts = d.pop("counts")
        for counts_item_data in (_counts):
            counts_item = QuarantineCountsItem.from_dict(counts_item_data)



            counts.append(counts_item)


        total_refused = d.pop("total_refused")

        samples = QuarantineSamples.from_dict(d.pop("samples"))




        quarantine = cls(
            counts=counts,
            total_refused=total_refused,
            samples=samples,
        )

        return quarantine

