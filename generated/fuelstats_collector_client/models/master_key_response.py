from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.master_key_response_enrolment import MasterKeyResponseEnrolment
from ..models.master_key_response_status import MasterKeyResponseStatus
from ..types import UNSET, Unset






T = TypeVar("T", bound="MasterKeyResponse")



@_attrs_define
class MasterKeyResponse:
    """ 
        Attributes:
            status (MasterKeyResponseStatus):
            master_node_uid (str):
            key_id (str): The key's RFC 7638 JWK thumbprint: the keyid its signatures carry.
            enrolment (MasterKeyResponseEnrolment): added: enrolled now; existed: this key was enrolled already (a retry);
                rotated: it replaced the enrolled key.
            exec_time (float | Unset):
     """

    status: MasterKeyResponseStatus
    master_node_uid: str
    key_id: str
    enrolment: MasterKeyResponseEnrolment
    exec_time: float | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        master_node_uid = self.master_node_uid

        key_id = self.key_id

        enrolment = self.enrolment.value

        exec_time = self.exec_time


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
            "master_node_uid": master_node_uid,
            "key_id": key_id,
            "enrolment": enrolment,
        })
        if exec_time is not UNSET:
            field_dict["exec_time"] = exec_time

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = MasterKeyResponseStatus(d.pop("status"))




        master_node_uid = d.pop("master_node_uid")

        key_id = d.pop("key_id")

        enrolment = MasterKeyResponseEnrolment(d.pop("enrolment"))




        exec_time = d.pop("exec_time", UNSET)

        master_key_response = cls(
            status=status,
            master_node_uid=master_node_uid,
            key_id=key_id,
            enrolment=enrolment,
            exec_time=exec_time,
        )

        return master_key_response

