from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.report_list_reports_item_unit import ReportListReportsItemUnit
from ..models.report_name import ReportName






T = TypeVar("T", bound="ReportListReportsItem")



@_attrs_define
class ReportListReportsItem:
    """ 
        Attributes:
            name (ReportName):
            title (str):
            unit (ReportListReportsItemUnit):
     """

    name: ReportName
    title: str
    unit: ReportListReportsItemUnit





    def to_dict(self) -> dict[str, Any]:
        name = self.name.value

        title = self.title

        unit = self.unit.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "title": title,
            "unit": unit,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = ReportName(d.pop("name"))




        title = d.pop("title")

        unit = ReportListReportsItemUnit(d.pop("unit"))




        report_list_reports_item = cls(
            name=name,
            title=title,
            unit=unit,
        )

        return report_list_reports_item

