from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="MasterKeyReset")



@_attrs_define
class MasterKeyReset:
    """ 
        Attributes:
            reason (str): Why, for the audit trail (e.g. a ticket).
            public_key (str | Unset): The master node's new Ed25519 public key (base64url, 32 bytes), as the customer gave
                it; absent: none, the master enrolls again.
     """

    reason: str
    public_key: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        public_key = self.public_key


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reason": reason,
        })
        if public_key is not UNSET:
            field_dict["public_key"] = public_key

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        public_key = d.pop("public_key", UNSET)

        master_key_reset = cls(
            reason=reason,
            public_key=public_key,
        )

        return master_key_reset

