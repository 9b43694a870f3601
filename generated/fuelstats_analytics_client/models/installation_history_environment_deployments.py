from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="InstallationHistoryEnvironmentDeployments")



@_attrs_define
class InstallationHistoryEnvironmentDeployments:
    """ 
        Attributes:
            cluster_id (int | None):
            attempts (int): Deployment tasks that ended.
            failures (int): Those that ended with status error.
            successes (int): Those that ended with status ready.
            last_result (None | str):
            average_success_seconds (float | None): Average duration of the successful ones.
     """

    cluster_id: int | None
    attempts: int
    failures: int
    successes: int
    last_result: None | str
    average_success_seconds: float | None





    def to_dict(self) -> dict[str, Any]:
        cluster_id: int | None
        cluster_id = self.cluster_id

        attempts = self.attempts

        failures = self.failures

        successes = self.successes

        last_result: None | str
        last_result = self.last_result

        average_success_seconds: float | None
        average_success_seconds = self.average_success_seconds


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "cluster_id": cluster_id,
            "attempts": attempts,
            "failures": failures,
            "successes": successes,
            "last_result": last_result,
            "average_success_seconds": average_success_seconds,
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


        attempts = d.pop("attempts")

        failures = d.pop("failures")

        successes = d.pop("successes")

        def _parse_last_result(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_result = _parse_last_result(d.pop("last_result"))


        def _parse_average_success_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        average_success_seconds = _parse_average_success_seconds(d.pop("average_success_seconds"))


        installation_history_environment_deployments = cls(
            cluster_id=cluster_id,
            attempts=attempts,
            failures=failures,
            successes=successes,
            last_result=last_result,
            average_success_seconds=average_success_seconds,
        )

        return installation_history_environment_deployments

