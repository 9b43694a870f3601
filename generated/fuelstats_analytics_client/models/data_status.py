from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.data_status_stream_status import DataStatusStreamStatus





T = TypeVar("T", bound="DataStatus")



@_attrs_define
class DataStatus:
    """ How current the statistics are: how far the ETL lags behind what the collector holds. Nothing secret: counts and
    times only.

        Attributes:
            data_as_of (datetime.datetime): Everything the collector received before this moment is in the statistics.
            behind_seconds (float): How long the oldest row not yet indexed has waited; 0 when nothing waits.
            stale (bool): behind_seconds is more than stale_after_seconds (FUELSTATS_DATA_STALE_AFTER).
            stale_after_seconds (float):
            streams (list[DataStatusStreamStatus]):
     """

    data_as_of: datetime.datetime
    behind_seconds: float
    stale: bool
    stale_after_seconds: float
    streams: list[DataStatusStreamStatus]





    def to_dict(self) -> dict[str, Any]:
        from ..models.data_status_stream_status import DataStatusStreamStatus # noqa: PLC0415
        data_as_of = self.data_as_of.isoformat()

        behind_seconds = self.behind_seconds

        stale = self.stale

        stale_after_seconds = self.stale_after_seconds

        streams = []
        for streams_item_data in self.streams:
            streams_item = streams_item_data.to_dict()
            streams.append(streams_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "data_as_of": data_as_of,
            "behind_seconds": behind_seconds,
            "stale": stale,
            "stale_after_seconds": stale_after_seconds,
            "streams": streams,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.data_status_stream_status import DataStatusStreamStatus # noqa: PLC0415
        d = dict(src_dict)
        data_as_of = datetime.datetime.fromisoformat(d.pop("data_as_of"))




        behind_seconds = d.pop("behind_seconds")

        stale = d.pop("stale")

        stale_after_seconds = d.pop("stale_after_seconds")

        streams = []
        _streams = d.pop("streams")
        for streams_item_data in (_streams):
            streams_item = DataStatusStreamStatus.from_dict(streams_item_data)



            streams.append(streams_item)


        data_status = cls(
            data_as_of=data_as_of,
            behind_seconds=behind_seconds,
            stale=stale,
            stale_after_seconds=stale_after_seconds,
            streams=streams,
        )

        return data_status

