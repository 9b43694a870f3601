from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="InstallationHistoryDeployment")



@_attrs_define
class InstallationHistoryDeployment:
    """ 
        Attributes:
            cluster_id (int | None):
            started (None | str):
            ended (None | str):
            duration_seconds (float | None):
            result (None | str): ready, error, ... as the task ended.
            release_version (None | str):
     """

    cluster_id: int | None
    started: None | str
    ended: None | str
    duration_seconds: float | None
    result: None | str
    release_version: None | str





    def to_dict(self) -> dict[str, Any]:
        cluster_id: int | None
        cluster_id = self.cluster_id

        started: None | str
        started = self.started

        ended: None | str
        ended = self.ended

        duration_seconds: float | None
        duration_seconds = self.duration_seconds

        result: None | str
        result = self.result

        release_version: None | str
        release_version = self.release_version


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "cluster_id": cluster_id,
            "started": started,
            "ended": ended,
            "duration_seconds": duration_seconds,
            "result": result,
            "release_version": release_version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_cluster_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cluster_id = _parse_cluster_id(d.pop("cluster_id"))


        def _parse_started(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        started = _parse_started(d.pop("started"))


        def _parse_ended(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ended = _parse_ended(d.pop("ended"))


        def _parse_duration_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        duration_seconds = _parse_duration_seconds(d.pop("duration_seconds"))


        def _parse_result(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        result = _parse_result(d.pop("result"))


        def _parse_release_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        release_version = _parse_release_version(d.pop("release_version"))


        installation_history_deployment = cls(
            cluster_id=cluster_id,
            started=started,
            ended=ended,
            duration_seconds=duration_seconds,
            result=result,
            release_version=release_version,
        )

        return installation_history_deployment

