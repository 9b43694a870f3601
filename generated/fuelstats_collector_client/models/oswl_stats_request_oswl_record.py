from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.oswl_stats_request_oswl_record_resource_data import OswlStatsRequestOswlRecordResourceData
  from ..models.oswl_stats_request_oswl_record_version_info_type_0 import OswlStatsRequestOswlRecordVersionInfoType0





T = TypeVar("T", bound="OswlStatsRequestOswlRecord")



@_attrs_define
class OswlStatsRequestOswlRecord:
    """ The state of one OpenStack resource type (vm, volume, tenant, ...) of one cluster, as of one day.

        Attributes:
            master_node_uid (str):
            id (int): The record's id on its master node.
            cluster_id (int):
            created_date (datetime.date):
            updated_time (str): Python's time.isoformat(), e.g. 14:43:48.123456; an offset, if any, under 16 hours
                (PostgreSQL's range).
            resource_type (str): vm, tenant, volume, security_group, keystone_user, flavor, cluster_stats, image, ... (part
                of the record's key; v1 stored nothing without it).
            resource_checksum (str):
            resource_data (OswlStatsRequestOswlRecordResourceData):
            version_info (None | OswlStatsRequestOswlRecordVersionInfoType0 | Unset):
     """

    master_node_uid: str
    id: int
    cluster_id: int
    created_date: datetime.date
    updated_time: str
    resource_type: str
    resource_checksum: str
    resource_data: OswlStatsRequestOswlRecordResourceData
    version_info: None | OswlStatsRequestOswlRecordVersionInfoType0 | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.oswl_stats_request_oswl_record_resource_data import OswlStatsRequestOswlRecordResourceData # noqa: PLC0415
        from ..models.oswl_stats_request_oswl_record_version_info_type_0 import OswlStatsRequestOswlRecordVersionInfoType0 # noqa: PLC0415
        master_node_uid = self.master_node_uid

        id = self.id

        cluster_id = self.cluster_id

        created_date = self.created_date.isoformat()

        updated_time = self.updated_time

        resource_type = self.resource_type

        resource_checksum = self.resource_checksum

        resource_data = self.resource_data.to_dict()

        version_info: dict[str, Any] | None | Unset
        if isinstance(self.version_info, Unset):
            version_info = UNSET
        elif isinstance(self.version_info, OswlStatsRequestOswlRecordVersionInfoType0):
            version_info = self.version_info.to_dict()
        else:
            version_info = self.version_info


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "master_node_uid": master_node_uid,
            "id": id,
            "cluster_id": cluster_id,
            "created_date": created_date,
            "updated_time": updated_time,
            "resource_type": resource_type,
            "resource_checksum": resource_checksum,
            "resource_data": resource_data,
        })
        if version_info is not UNSET:
            field_dict["version_info"] = version_info

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.oswl_stats_request_oswl_record_resource_data import OswlStatsRequestOswlRecordResourceData # noqa: PLC0415
        from ..models.oswl_stats_request_oswl_record_version_info_type_0 import OswlStatsRequestOswlRecordVersionInfoType0 # noqa: PLC0415
        d = dict(src_dict)
        master_node_uid = d.pop("master_node_uid")

        id = d.pop("id")

        cluster_id = d.pop("cluster_id")

        created_date = datetime.date.fromisoformat(d.pop("created_date"))




        updated_time = d.pop("updated_time")

        resource_type = d.pop("resource_type")

        resource_checksum = d.pop("resource_checksum")

        resource_data = OswlStatsRequestOswlRecordResourceData.from_dict(d.pop("resource_data"))




        def _parse_version_info(data: object) -> None | OswlStatsRequestOswlRecordVersionInfoType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                version_info_type_0 = OswlStatsRequestOswlRecordVersionInfoType0.from_dict(data)



                return version_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OswlStatsRequestOswlRecordVersionInfoType0 | Unset, data)

        version_info = _parse_version_info(d.pop("version_info", UNSET))


        oswl_stats_request_oswl_record = cls(
            master_node_uid=master_node_uid,
            id=id,
            cluster_id=cluster_id,
            created_date=created_date,
            updated_time=updated_time,
            resource_type=resource_type,
            resource_checksum=resource_checksum,
            resource_data=resource_data,
            version_info=version_info,
        )

        return oswl_stats_request_oswl_record

