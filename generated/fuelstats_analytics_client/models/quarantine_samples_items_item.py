from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="QuarantineSamplesItemsItem")



@_attrs_define
class QuarantineSamplesItemsItem:
    """ 
        Attributes:
            sequence (int):
            received_at (datetime.datetime):
            rule (str):
            master_node_uid (None | str): As claimed (header).
            key_id (None | str): As its signature claimed it.
            method (str):
            path (str):
            address (None | str):
            message (str):
            body (str): Its start, as UTF-8 (undecodable bytes replaced).
            body_bytes (int): The size of the whole body.
     """

    sequence: int
    received_at: datetime.datetime
    rule: str
    master_node_uid: None | str
    key_id: None | str
    method: str
    path: str
    address: None | str
    message: str
    body: str
    body_bytes: int





    def to_dict(self) -> dict[str, Any]:
        sequence = self.sequence

        received_at = self.received_at.isoformat()

        rule = self.rule

        master_node_uid: None | str
        master_node_uid = self.master_node_uid

        key_id: None | str
        key_id = self.key_id

        method = self.method

        path = self.path

        address: None | str
        address = self.address

        message = self.message

        body = self.body

        body_bytes = self.body_bytes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "sequence": sequence,
            "received_at": received_at,
            "rule": rule,
            "master_node_uid": master_node_uid,
            "key_id": key_id,
            "method": method,
            "path": path,
            "address": address,
            "message": message,
            "body": body,
            "body_bytes": body_bytes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sequence = d.pop("sequence")

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))




        rule = d.pop("rule")

        def _parse_master_node_uid(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        master_node_uid = _parse_master_node_uid(d.pop("master_node_uid"))


        def _parse_key_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key_id = _parse_key_id(d.pop("key_id"))


        method = d.pop("method")

        path = d.pop("path")

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))


        message = d.pop("message")

        body = d.pop("body")

        body_bytes = d.pop("body_bytes")

        quarantine_samples_items_item = cls(
            sequence=sequence,
            received_at=received_at,
            rule=rule,
            master_node_uid=master_node_uid,
            key_id=key_id,
            method=method,
            path=path,
            address=address,
            message=message,
            body=body,
            body_bytes=body_bytes,
        )

        return quarantine_samples_items_item

