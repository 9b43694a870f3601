from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.session_state_mode import SessionStateMode
from ..models.session_state_role import SessionStateRole
from ..models.session_state_via import SessionStateVia
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="SessionState")



@_attrs_define
class SessionState:
    """ Who the request is (user null: nobody, which the instance mode may allow), and for a browser session the CSRF token
    its state-changing requests must send in X-CSRF-Token.

        Attributes:
            user (None | str):
            mode (SessionStateMode): What the instance opens without a login (FUELSTATS_ANALYTICS_MODE).
            idle_timeout (int): Seconds without a request after which a session ends.
            role (SessionStateRole | Unset):
            via (SessionStateVia | Unset): How the request was authenticated.
            csrf_token (str | Unset): For a browser session only.
            expires_at (datetime.datetime | Unset): When a session just opened ends at the latest.
     """

    user: None | str
    mode: SessionStateMode
    idle_timeout: int
    role: SessionStateRole | Unset = UNSET
    via: SessionStateVia | Unset = UNSET
    csrf_token: str | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        user: None | str
        user = self.user

        mode = self.mode.value

        idle_timeout = self.idle_timeout

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value


        via: str | Unset = UNSET
        if not isinstance(self.via, Unset):
            via = self.via.value


        csrf_token = self.csrf_token

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "user": user,
            "mode": mode,
            "idle_timeout": idle_timeout,
        })
        if role is not UNSET:
            field_dict["role"] = role
        if via is not UNSET:
            field_dict["via"] = via
        if csrf_token is not UNSET:
            field_dict["csrf_token"] = csrf_token
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_user(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user = _parse_user(d.pop("user"))


        mode = SessionStateMode(d.pop("mode"))




        idle_timeout = d.pop("idle_timeout")

        _role = d.pop("role", UNSET)
        role: SessionStateRole | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = SessionStateRole(_role)




        _via = d.pop("via", UNSET)
        via: SessionStateVia | Unset
        if isinstance(_via,  Unset):
            via = UNSET
        else:
            via = SessionStateVia(_via)




        csrf_token = d.pop("csrf_token", UNSET)

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at,  Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)




        session_state = cls(
            user=user,
            mode=mode,
            idle_timeout=idle_timeout,
            role=role,
            via=via,
            csrf_token=csrf_token,
            expires_at=expires_at,
        )

        return session_state

