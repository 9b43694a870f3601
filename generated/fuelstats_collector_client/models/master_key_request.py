from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="MasterKeyRequest")



@_attrs_define
class MasterKeyRequest:
    """ A master node's Ed25519 public key, to enrol (signed by that key) or to rotate to (signed by the enrolled key and by
    this one).

        Attributes:
            master_node_uid (str):
            public_key (str): The raw 32-byte Ed25519 public key, base64url without padding (the x of its RFC 8037 JWK).
     """

    master_node_uid: str
    public_key: str





    def to_dict(self) -> dict[str, Any]:
        master_node_uid = self.master_node_uid

        public_key = self.public_key


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "master_node_uid": master_node_uid,
            "public_key": public_key,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        master_node_uid = d.pop("master_node_uid")

        public_key = d.pop("public_key")

        master_key_request = cls(
            master_node_uid=master_node_uid,
            public_key=public_key,
        )

        return master_key_request

