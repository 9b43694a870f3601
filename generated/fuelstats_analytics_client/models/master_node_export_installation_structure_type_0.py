from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.master_node_export_installation_structure_type_0_structure import MasterNodeExportInstallationStructureType0Structure





T = TypeVar("T", bound="MasterNodeExportInstallationStructureType0")



@_attrs_define
class MasterNodeExportInstallationStructureType0:
    """ 
        Attributes:
            structure (MasterNodeExportInstallationStructureType0Structure):
            release (None | str):
            is_filtered (bool):
            creation_date (datetime.datetime):
            modification_date (datetime.datetime):
     """

    structure: MasterNodeExportInstallationStructureType0Structure
    release: None | str
    is_filtered: bool
    creation_date: datetime.datetime
    modification_date: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.master_node_export_installation_structure_type_0_structure import MasterNodeExportInstallationStructureType0Structure # noqa: PLC0415
        structure = self.structure.to_dict()

        release: None | str
        release = self.release

        is_filtered = self.is_filtered

        creation_date = self.creation_date.isoformat()

        modification_date = self.modification_date.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "structure": structure,
            "release": release,
            "is_filtered": is_filtered,
            "creation_date": creation_date,
            "modification_date": modification_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.master_node_export_installation_structure_type_0_structure import MasterNodeExportInstallationStructureType0Structure # noqa: PLC0415
        d = dict(src_dict)
        structure = MasterNodeExportInstallationStructureType0Structure.from_dict(d.pop("structure"))




        def _parse_release(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        release = _parse_release(d.pop("release"))


        is_filtered = d.pop("is_filtered")

        creation_date = datetime.datetime.fromisoformat(d.pop("creation_date"))




        modification_date = datetime.datetime.fromisoformat(d.pop("modification_date"))




        master_node_export_installation_structure_type_0 = cls(
            structure=structure,
            release=release,
            is_filtered=is_filtered,
            creation_date=creation_date,
            modification_date=modification_date,
        )


        master_node_export_installation_structure_type_0.additional_properties = d
        return master_node_export_installation_structure_type_0

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
