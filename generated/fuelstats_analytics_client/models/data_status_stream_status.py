from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.data_status_stream_status_stream import DataStatusStreamStatusStream
from typing import cast
import datetime






T = TypeVar("T", bound="DataStatusStreamStatus")



@_attrs_define
class DataStatusStreamStatus:
    """ 
        Attributes:
            stream (DataStatusStreamStatusStream):
            pending (int): Rows received but not indexed yet.
            behind_seconds (float):
            pass_in_progress (bool):
            last_activity (datetime.datetime | None): When the ETL last moved this stream's checkpoint.
     """

    stream: DataStatusStreamStatusStream
    pending: int
    behind_seconds: float
    pass_in_progress: bool
    last_activity: datetime.datetime | None





    def to_dict(self) -> dict[str, Any]:
        stream = self.stream.value

        pending = self.pending

        behind_seconds = self.behind_seconds

        pass_in_progress = self.pass_in_progress

        last_activity: None | str
        if isinstance(self.last_activity, datetime.datetime):
            last_activity = self.last_activity.isoformat()
        else:
            last_activity = self.last_activity


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "stream": stream,
            "pending": pending,
            "behind_seconds": behind_seconds,
            "pass_in_progress": pass_in_progress,
            "last_activity": last_activity,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stream = DataStatusStreamStatusStream(d.pop("stream"))




        pending = d.pop("pending")

        behind_seconds = d.pop("behind_seconds")

        pass_in_progress = d.pop("pass_in_progress")

        def _parse_last_activity(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_activity_type_0 = datetime.datetime.fromisoformat(data)



                return last_activity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_activity = _parse_last_activity(d.pop("last_activity"))


        data_status_stream_status = cls(
            stream=stream,
            pending=pending,
            behind_seconds=behind_seconds,
            pass_in_progress=pass_in_progress,
            last_activity=last_activity,
        )

        return data_status_stream_status

