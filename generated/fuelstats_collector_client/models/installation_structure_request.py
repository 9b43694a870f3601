from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.installation_structure import InstallationStructure





T = TypeVar("T", bound="InstallationStructureRequest")



@_attrs_define
class InstallationStructureRequest:
    """ 
        Attributes:
            installation_structure (InstallationStructure): What a master node reports about its installation: Fuel release,
                clusters (environments), their nodes and configuration. Fields beyond these are kept as sent.
     """

    installation_structure: InstallationStructure





    def to_dict(self) -> dict[str, Any]:
        from ..models.installation_structure import InstallationStructure # noqa: PLC0415
        installation_structure = self.installation_structure.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "installation_structure": installation_structure,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.installation_structure import InstallationStructure # noqa: PLC0415
        d = dict(src_dict)
        installation_structure = InstallationStructure.from_dict(d.pop("installation_structure"))




        installation_structure_request = cls(
            installation_structure=installation_structure,
        )

        return installation_structure_request

