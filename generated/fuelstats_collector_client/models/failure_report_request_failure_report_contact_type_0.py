from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="FailureReportRequestFailureReportContactType0")



@_attrs_define
class FailureReportRequestFailureReportContactType0:
    """ Who the support team should call, as the customer filled it in on the master node. Absent or null: not filled.

        Attributes:
            name (str):
            email (str):
            company (str | Unset):
            phone (str | Unset):
     """

    name: str
    email: str
    company: str | Unset = UNSET
    phone: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        company = self.company

        phone = self.phone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "email": email,
        })
        if company is not UNSET:
            field_dict["company"] = company
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        email = d.pop("email")

        company = d.pop("company", UNSET)

        phone = d.pop("phone", UNSET)

        failure_report_request_failure_report_contact_type_0 = cls(
            name=name,
            email=email,
            company=company,
            phone=phone,
        )

        return failure_report_request_failure_report_contact_type_0

