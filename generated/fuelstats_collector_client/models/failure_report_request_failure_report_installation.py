from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.failure_report_request_failure_report_installation_environment import FailureReportRequestFailureReportInstallationEnvironment
  from ..models.failure_report_request_failure_report_installation_fuel_release import FailureReportRequestFailureReportInstallationFuelRelease





T = TypeVar("T", bound="FailureReportRequestFailureReportInstallation")



@_attrs_define
class FailureReportRequestFailureReportInstallation:
    """ The installation and the failed environment: the Fuel release, and the environment as the installation structure
    describes it. Fields beyond these are kept as sent (sanitized).

        Attributes:
            release (str): The Fuel release, e.g. 9.0.
            fuel_release (FailureReportRequestFailureReportInstallationFuelRelease | Unset):
            environment (FailureReportRequestFailureReportInstallationEnvironment | Unset):
     """

    release: str
    fuel_release: FailureReportRequestFailureReportInstallationFuelRelease | Unset = UNSET
    environment: FailureReportRequestFailureReportInstallationEnvironment | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.failure_report_request_failure_report_installation_environment import FailureReportRequestFailureReportInstallationEnvironment # noqa: PLC0415
        from ..models.failure_report_request_failure_report_installation_fuel_release import FailureReportRequestFailureReportInstallationFuelRelease # noqa: PLC0415
        release = self.release

        fuel_release: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fuel_release, Unset):
            fuel_release = self.fuel_release.to_dict()

        environment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.environment, Unset):
            environment = self.environment.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "release": release,
        })
        if fuel_release is not UNSET:
            field_dict["fuel_release"] = fuel_release
        if environment is not UNSET:
            field_dict["environment"] = environment

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.failure_report_request_failure_report_installation_environment import FailureReportRequestFailureReportInstallationEnvironment # noqa: PLC0415
        from ..models.failure_report_request_failure_report_installation_fuel_release import FailureReportRequestFailureReportInstallationFuelRelease # noqa: PLC0415
        d = dict(src_dict)
        release = d.pop("release")

        _fuel_release = d.pop("fuel_release", UNSET)
        fuel_release: FailureReportRequestFailureReportInstallationFuelRelease | Unset
        if isinstance(_fuel_release,  Unset):
            fuel_release = UNSET
        else:
            fuel_release = FailureReportRequestFailureReportInstallationFuelRelease.from_dict(_fuel_release)




        _environment = d.pop("environment", UNSET)
        environment: FailureReportRequestFailureReportInstallationEnvironment | Unset
        if isinstance(_environment,  Unset):
            environment = UNSET
        else:
            environment = FailureReportRequestFailureReportInstallationEnvironment.from_dict(_environment)




        failure_report_request_failure_report_installation = cls(
            release=release,
            fuel_release=fuel_release,
            environment=environment,
        )


        failure_report_request_failure_report_installation.additional_properties = d
        return failure_report_request_failure_report_installation

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
