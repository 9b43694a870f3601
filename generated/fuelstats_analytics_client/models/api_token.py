from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.api_token_role import ApiTokenRole
from ..models.api_token_state import ApiTokenState
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ApiToken")



@_attrs_define
class ApiToken:
    """ An API token as it is kept: never the token itself, except in the answer that made it (`token`, shown once).

        Attributes:
            id (UUID):
            name (str):
            user (str):
            role (ApiTokenRole):
            created_by (str):
            created_at (datetime.datetime):
            expires_at (datetime.datetime):
            state (ApiTokenState):
            last_used_at (datetime.datetime | Unset): To within 15 minutes.
            revoked_at (datetime.datetime | Unset):
            token (str | Unset): The token itself: in the answer that made it, and never again.
     """

    id: UUID
    name: str
    user: str
    role: ApiTokenRole
    created_by: str
    created_at: datetime.datetime
    expires_at: datetime.datetime
    state: ApiTokenState
    last_used_at: datetime.datetime | Unset = UNSET
    revoked_at: datetime.datetime | Unset = UNSET
    token: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        user = self.user

        role = self.role.value

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        state = self.state.value

        last_used_at: str | Unset = UNSET
        if not isinstance(self.last_used_at, Unset):
            last_used_at = self.last_used_at.isoformat()

        revoked_at: str | Unset = UNSET
        if not isinstance(self.revoked_at, Unset):
            revoked_at = self.revoked_at.isoformat()

        token = self.token


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
            "user": user,
            "role": role,
            "created_by": created_by,
            "created_at": created_at,
            "expires_at": expires_at,
            "state": state,
        })
        if last_used_at is not UNSET:
            field_dict["last_used_at"] = last_used_at
        if revoked_at is not UNSET:
            field_dict["revoked_at"] = revoked_at
        if token is not UNSET:
            field_dict["token"] = token

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        user = d.pop("user")

        role = ApiTokenRole(d.pop("role"))




        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        state = ApiTokenState(d.pop("state"))




        _last_used_at = d.pop("last_used_at", UNSET)
        last_used_at: datetime.datetime | Unset
        if isinstance(_last_used_at,  Unset):
            last_used_at = UNSET
        else:
            last_used_at = datetime.datetime.fromisoformat(_last_used_at)




        _revoked_at = d.pop("revoked_at", UNSET)
        revoked_at: datetime.datetime | Unset
        if isinstance(_revoked_at,  Unset):
            revoked_at = UNSET
        else:
            revoked_at = datetime.datetime.fromisoformat(_revoked_at)




        token = d.pop("token", UNSET)

        api_token = cls(
            id=id,
            name=name,
            user=user,
            role=role,
            created_by=created_by,
            created_at=created_at,
            expires_at=expires_at,
            state=state,
            last_used_at=last_used_at,
            revoked_at=revoked_at,
            token=token,
        )

        return api_token

