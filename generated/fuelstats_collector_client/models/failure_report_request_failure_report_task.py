from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.failure_report_request_failure_report_task_status import FailureReportRequestFailureReportTaskStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FailureReportRequestFailureReportTask")



@_attrs_define
class FailureReportRequestFailureReportTask:
    """ The task that failed.

        Attributes:
            uuid (str):
            name (str): e.g. deployment, provision, deploy
            status (FailureReportRequestFailureReportTaskStatus):
            message (str): The task's error message.
            cluster_id (int | None | Unset):
            output (str | Unset): The relevant part of the task's output (the end of the failed node's log), already
                sanitized by the master node.
            start_timestamp (None | str | Unset):
            end_timestamp (None | str | Unset):
     """

    uuid: str
    name: str
    status: FailureReportRequestFailureReportTaskStatus
    message: str
    cluster_id: int | None | Unset = UNSET
    output: str | Unset = UNSET
    start_timestamp: None | str | Unset = UNSET
    end_timestamp: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        uuid = self.uuid

        name = self.name

        status = self.status.value

        message = self.message

        cluster_id: int | None | Unset
        if isinstance(self.cluster_id, Unset):
            cluster_id = UNSET
        else:
            cluster_id = self.cluster_id

        output = self.output

        start_timestamp: None | str | Unset
        if isinstance(self.start_timestamp, Unset):
            start_timestamp = UNSET
        else:
            start_timestamp = self.start_timestamp

        end_timestamp: None | str | Unset
        if isinstance(self.end_timestamp, Unset):
            end_timestamp = UNSET
        else:
            end_timestamp = self.end_timestamp


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "uuid": uuid,
            "name": name,
            "status": status,
            "message": message,
        })
        if cluster_id is not UNSET:
            field_dict["cluster_id"] = cluster_id
        if output is not UNSET:
            field_dict["output"] = output
        if start_timestamp is not UNSET:
            field_dict["start_timestamp"] = start_timestamp
        if end_timestamp is not UNSET:
            field_dict["end_timestamp"] = end_timestamp

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = d.pop("uuid")

        name = d.pop("name")

        status = FailureReportRequestFailureReportTaskStatus(d.pop("status"))




        message = d.pop("message")

        def _parse_cluster_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cluster_id = _parse_cluster_id(d.pop("cluster_id", UNSET))


        output = d.pop("output", UNSET)

        def _parse_start_timestamp(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_timestamp = _parse_start_timestamp(d.pop("start_timestamp", UNSET))


        def _parse_end_timestamp(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_timestamp = _parse_end_timestamp(d.pop("end_timestamp", UNSET))


        failure_report_request_failure_report_task = cls(
            uuid=uuid,
            name=name,
            status=status,
            message=message,
            cluster_id=cluster_id,
            output=output,
            start_timestamp=start_timestamp,
            end_timestamp=end_timestamp,
        )

        return failure_report_request_failure_report_task

