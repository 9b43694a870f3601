from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.installation_history_deployment import InstallationHistoryDeployment
  from ..models.installation_history_environment_deployments import InstallationHistoryEnvironmentDeployments
  from ..models.installation_history_health_check_run import InstallationHistoryHealthCheckRun





T = TypeVar("T", bound="InstallationHistory")



@_attrs_define
class InstallationHistory:
    """ What one installation did: its deployments and health check runs (the newest 200 of each, oldest first), and per
    environment how its deployments went.

        Attributes:
            installation_id (str): The opaque id the search names the installation by.
            environments (list[InstallationHistoryEnvironmentDeployments]):
            deployments (list[InstallationHistoryDeployment]):
            health_check_runs (list[InstallationHistoryHealthCheckRun]):
     """

    installation_id: str
    environments: list[InstallationHistoryEnvironmentDeployments]
    deployments: list[InstallationHistoryDeployment]
    health_check_runs: list[InstallationHistoryHealthCheckRun]





    def to_dict(self) -> dict[str, Any]:
        from ..models.installation_history_deployment import InstallationHistoryDeployment # noqa: PLC0415
        from ..models.installation_history_environment_deployments import InstallationHistoryEnvironmentDeployments # noqa: PLC0415
        from ..models.installation_history_health_check_run import InstallationHistoryHealthCheckRun # noqa: PLC0415
        installation_id = self.installation_id

        environments = []
        for environments_item_data in self.environments:
            environments_item = environments_item_data.to_dict()
            environments.append(environments_item)



        deployments = []
        for deployments_item_data in self.deployments:
            deployments_item = deployments_item_data.to_dict()
            deployments.append(deployments_item)



        health_check_runs = []
        for health_check_runs_item_data in self.health_check_runs:
            health_check_runs_item = health_check_runs_item_data.to_dict()
            health_check_runs.append(health_check_runs_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "installation_id": installation_id,
            "environments": environments,
            "deployments": deployments,
            "health_check_runs": health_check_runs,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.installation_history_deployment import InstallationHistoryDeployment # noqa: PLC0415
        from ..models.installation_history_environment_deployments import InstallationHistoryEnvironmentDeployments # noqa: PLC0415
        from ..models.installation_history_health_check_run import InstallationHistoryHealthCheckRun # noqa: PLC0415
        d = dict(src_dict)
        installation_id = d.pop("installation_id")

        environments = []
        _environments = d.pop("environments")
        for environments_item_data in (_environments):
            environments_item = InstallationHistoryEnvironmentDeployments.from_dict(environments_item_data)



            environments.append(environments_item)


        deployments = []
        _deployments = d.pop("deployments")
        for deployments_item_data in (_deployments):
            deployments_item = InstallationHistoryDeployment.from_dict(deployments_item_data)



            deployments.append(deployments_item)


        health_check_runs = []
        _health_check_runs = d.pop("health_check_runs")
        for health_check_runs_item_data in (_health_check_runs):
            health_check_runs_item = InstallationHistoryHealthCheckRun.from_dict(health_check_runs_item_data)



            health_check_runs.append(health_check_runs_item)


        installation_history = cls(
            installation_id=installation_id,
            environments=environments,
            deployments=deployments,
            health_check_runs=health_check_runs,
        )

        return installation_history

