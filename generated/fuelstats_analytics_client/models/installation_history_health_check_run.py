from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="InstallationHistoryHealthCheckRun")



@_attrs_define
class InstallationHistoryHealthCheckRun:
    """ 
        Attributes:
            cluster_id (int | None):
            started (None | str):
            duration_seconds (float | None):
            test_set (None | str):
            ran (int): Tests that ran (ended success, failure or error).
            failed (int): Tests that ended failure or error.
            failed_tests (list[str]):
     """

    cluster_id: int | None
    started: None | str
    duration_seconds: float | None
    test_set: None | str
    ran: int
    failed: int
    failed_tests: list[str]





    def to_dict(self) -> dict[str, Any]:
        cluster_id: int | None
        cluster_id = self.cluster_id

        started: None | str
        started = self.started

        duration_seconds: float | None
        duration_seconds = self.duration_seconds

        test_set: None | str
        test_set = self.test_set

        ran = self.ran

        failed = self.failed

        failed_tests = self.failed_tests




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "cluster_id": cluster_id,
            "started": started,
            "duration_seconds": duration_seconds,
            "test_set": test_set,
            "ran": ran,
            "failed": failed,
            "failed_tests": failed_tests,
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


        def _parse_duration_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        duration_seconds = _parse_duration_seconds(d.pop("duration_seconds"))


        def _parse_test_set(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        test_set = _parse_test_set(d.pop("test_set"))


        ran = d.pop("ran")

        failed = d.pop("failed")

        failed_tests = cast(list[str], d.pop("failed_tests"))


        installation_history_health_check_run = cls(
            cluster_id=cluster_id,
            started=started,
            duration_seconds=duration_seconds,
            test_set=test_set,
            ran=ran,
            failed=failed,
            failed_tests=failed_tests,
        )

        return installation_history_health_check_run

