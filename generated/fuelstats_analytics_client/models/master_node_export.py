from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.master_node_export_installation_structure_type_0 import MasterNodeExportInstallationStructureType0
  from ..models.page import Page





T = TypeVar("T", bound="MasterNodeExport")



@_attrs_define
class MasterNodeExport:
    """ 
        Attributes:
            master_node_uid (str):
            page (int):
            size (int):
            installation_structure (MasterNodeExportInstallationStructureType0 | None):
            action_logs (Page):
            oswl_stats (Page):
     """

    master_node_uid: str
    page: int
    size: int
    installation_structure: MasterNodeExportInstallationStructureType0 | None
    action_logs: Page
    oswl_stats: Page





    def to_dict(self) -> dict[str, Any]:
        from ..models.master_node_export_installation_structure_type_0 import MasterNodeExportInstallationStructureType0 # noqa: PLC0415
        from ..models.page import Page # noqa: PLC0415
        master_node_uid = self.master_node_uid

        page = self.page

        size = self.size

        installation_structure: dict[str, Any] | None
        if isinstance(self.installation_structure, MasterNodeExportInstallationStructureType0):
            installation_structure = self.installation_structure.to_dict()
        else:
            installation_structure = self.installation_structure

        action_logs = self.action_logs.to_dict()

        oswl_stats = self.oswl_stats.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "master_node_uid": master_node_uid,
            "page": page,
            "size": size,
            "installation_structure": installation_structure,
            "action_logs": action_logs,
            "oswl_stats": oswl_stats,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.master_node_export_installation_structure_type_0 import MasterNodeExportInstallationStructureType0 # noqa: PLC0415
        from ..models.page import Page # noqa: PLC0415
        d = dict(src_dict)
        master_node_uid = d.pop("master_node_uid")

        page = d.pop("page")

        size = d.pop("size")

        def _parse_installation_structure(data: object) -> MasterNodeExportInstallationStructureType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                installation_structure_type_0 = MasterNodeExportInstallationStructureType0.from_dict(data)



                return installation_structure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MasterNodeExportInstallationStructureType0 | None, data)

        installation_structure = _parse_installation_structure(d.pop("installation_structure"))


        action_logs = Page.from_dict(d.pop("action_logs"))




        oswl_stats = Page.from_dict(d.pop("oswl_stats"))




        master_node_export = cls(
            master_node_uid=master_node_uid,
            page=page,
            size=size,
            installation_structure=installation_structure,
            action_logs=action_logs,
            oswl_stats=oswl_stats,
        )

        return master_node_export

