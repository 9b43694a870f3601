from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.token_request_role import TokenRequestRole
from ..types import UNSET, Unset






T = TypeVar("T", bound="TokenRequest")



@_attrs_define
class TokenRequest:
    """ A new API token: what it is for, its role (at most its user's and, when a token asks, that token's; by default the
    highest of those), how many days it lasts, and (an admin only) whose it is.

        Attributes:
            name (str):
            role (TokenRequestRole | Unset):
            expires_in_days (int | Unset):  Default: 90.
            user (str | Unset):
     """

    name: str
    role: TokenRequestRole | Unset = UNSET
    expires_in_days: int | Unset = 90
    user: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value


        expires_in_days = self.expires_in_days

        user = self.user


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if role is not UNSET:
            field_dict["role"] = role
        if expires_in_days is not UNSET:
            field_dict["expires_in_days"] = expires_in_days
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        _role = d.pop("role", UNSET)
        role: TokenRequestRole | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = TokenRequestRole(_role)




        expires_in_days = d.pop("expires_in_days", UNSET)

        user = d.pop("user", UNSET)

        token_request = cls(
            name=name,
            role=role,
            expires_in_days=expires_in_days,
            user=user,
        )

        return token_request

