from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.failure_reports_items_item_contact import FailureReportsItemsItemContact
  from ..models.failure_reports_items_item_notifications_item import FailureReportsItemsItemNotificationsItem





T = TypeVar("T", bound="FailureReportsItemsItem")



@_attrs_define
class FailureReportsItemsItem:
    """ 
        Attributes:
            report_id (str):
            master_node_uid (str):
            received_at (datetime.datetime):
            release (str):
            cluster_id (int | None):
            task_name (str):
            task_uuid (str):
            error_message (str):
            contact (FailureReportsItemsItemContact):
            verified (bool): Signed by the master node's enrolled key; unverified reports notify nobody unless
                FUELSTATS_NOTIFY_UNVERIFIED_FAILURE_REPORTS.
            notified (bool): Every notification of the report has been delivered.
            notifications (list[FailureReportsItemsItemNotificationsItem]):
     """

    report_id: str
    master_node_uid: str
    received_at: datetime.datetime
    release: str
    cluster_id: int | None
    task_name: str
    task_uuid: str
    error_message: str
    contact: FailureReportsItemsItemContact
    verified: bool
    notified: bool
    notifications: list[FailureReportsItemsItemNotificationsItem]





    def to_dict(self) -> dict[str, Any]:
        from ..models.failure_reports_items_item_contact import FailureReportsItemsItemContact # noqa: PLC0415
        from ..models.failure_reports_items_item_notifications_item import FailureReportsItemsItemNotificationsItem # noqa: PLC0415
        report_id = self.report_id

        master_node_uid = self.master_node_uid

        received_at = self.received_at.isoformat()

        release = self.release

        cluster_id: int | None
        cluster_id = self.cluster_id

        task_name = self.task_name

        task_uuid = self.task_uuid

        error_message = self.error_message

        contact = self.contact.to_dict()

        verified = self.verified

        notified = self.notified

        notifications = []
        for notifications_item_data in self.notifications:
            notifications_item = notifications_item_data.to_dict()
            notifications.append(notifications_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "report_id": report_id,
            "master_node_uid": master_node_uid,
            "received_at": received_at,
            "release": release,
            "cluster_id": cluster_id,
            "task_name": task_name,
            "task_uuid": task_uuid,
            "error_message": error_message,
            "contact": contact,
            "verified": verified,
            "notified": notified,
            "notifications": notifications,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.failure_reports_items_item_contact import FailureReportsItemsItemContact # noqa: PLC0415
        from ..models.failure_reports_items_item_notifications_item import FailureReportsItemsItemNotificationsItem # noqa: PLC0415
        d = dict(src_dict)
        report_id = d.pop("report_id")

        master_node_uid = d.pop("master_node_uid")

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))




        release = d.pop("release")

        def _parse_cluster_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cluster_id = _parse_cluster_id(d.pop("cluster_id"))


        task_name = d.pop("task_name")

        task_uuid = d.pop("task_uuid")

        error_message = d.pop("error_message")

        contact = FailureReportsItemsItemContact.from_dict(d.pop("contact"))




        verified = d.pop("verified")

        notified = d.pop("notified")

        notifications = []
        _notifications = d.pop("notifications")
        for notifications_item_data in (_notifications):
            notifications_item = FailureReportsItemsItemNotificationsItem.from_dict(notifications_item_data)



            notifications.append(notifications_item)


        failure_reports_items_item = cls(
            report_id=report_id,
            master_node_uid=master_node_uid,
            received_at=received_at,
            release=release,
            cluster_id=cluster_id,
            task_name=task_name,
            task_uuid=task_uuid,
            error_message=error_message,
            contact=contact,
            verified=verified,
            notified=notified,
            notifications=notifications,
        )

        return failure_reports_items_item

