from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.report_bucket_unit import ReportBucketUnit
from ..models.report_name import ReportName
from ..models.report_unit import ReportUnit
from ..models.report_value_unit import ReportValueUnit
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.filters import Filters
  from ..models.report_buckets_item import ReportBucketsItem





T = TypeVar("T", bound="Report")



@_attrs_define
class Report:
    """ A distribution: each bucket's key and count, in the report's order; for an average, also its value.

        Attributes:
            report (ReportName):
            title (str):
            unit (ReportUnit): What the total counts.
            bucket_unit (ReportBucketUnit): What each bucket's count counts: the unit, but failures for the health checks
                (whose total counts test runs).
            dimension (str): What a bucket's key is (operating system, duration, Fuel release, ...): the title of the
                buckets' axis.
            multiple (bool): One counted item can fall in several buckets (an installation with CentOS and Ubuntu
                environments), so the buckets add up to more than the total.
            filters (Filters): The filters a report was computed for.
            total (int): How many installations, environments, nodes, deployments or test runs the filters select.
            buckets (list[ReportBucketsItem]): Every counted item is in at least one bucket: what did not report the value
                is in `unknown` (`none` for storage options, components and plugins turned on), so the buckets add up to the
                total, or more when `multiple`. The health checks count failures against runs and do not add up.
            value (float | None | Unset): The report's average, when it has one (value_title says of what, value_unit in
                what); null when nothing was counted.
            value_title (str | Unset): What the value averages: "average duration of a successful deployment".
            value_unit (ReportValueUnit | Unset):
     """

    report: ReportName
    title: str
    unit: ReportUnit
    bucket_unit: ReportBucketUnit
    dimension: str
    multiple: bool
    filters: Filters
    total: int
    buckets: list[ReportBucketsItem]
    value: float | None | Unset = UNSET
    value_title: str | Unset = UNSET
    value_unit: ReportValueUnit | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.filters import Filters # noqa: PLC0415
        from ..models.report_buckets_item import ReportBucketsItem # noqa: PLC0415
        report = self.report.value

        title = self.title

        unit = self.unit.value

        bucket_unit = self.bucket_unit.value

        dimension = self.dimension

        multiple = self.multiple

        filters = self.filters.to_dict()

        total = self.total

        buckets = []
        for buckets_item_data in self.buckets:
            buckets_item = buckets_item_data.to_dict()
            buckets.append(buckets_item)



        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        value_title = self.value_title

        value_unit: str | Unset = UNSET
        if not isinstance(self.value_unit, Unset):
            value_unit = self.value_unit.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "report": report,
            "title": title,
            "unit": unit,
            "bucket_unit": bucket_unit,
            "dimension": dimension,
            "multiple": multiple,
            "filters": filters,
            "total": total,
            "buckets": buckets,
        })
        if value is not UNSET:
            field_dict["value"] = value
        if value_title is not UNSET:
            field_dict["value_title"] = value_title
        if value_unit is not UNSET:
            field_dict["value_unit"] = value_unit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.filters import Filters # noqa: PLC0415
        from ..models.report_buckets_item import ReportBucketsItem # noqa: PLC0415
        d = dict(src_dict)
        report = ReportName(d.pop("report"))




        title = d.pop("title")

        unit = ReportUnit(d.pop("unit"))




        bucket_unit = ReportBucketUnit(d.pop("bucket_unit"))




        dimension = d.pop("dimension")

        multiple = d.pop("multiple")

        filters = Filters.from_dict(d.pop("filters"))




        total = d.pop("total")

        buckets = []
        _buckets = d.pop("buckets")
        for buckets_item_data in (_buckets):
            buckets_item = ReportBucketsItem.from_dict(buckets_item_data)



            buckets.append(buckets_item)


        def _parse_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))


        value_title = d.pop("value_title", UNSET)

        _value_unit = d.pop("value_unit", UNSET)
        value_unit: ReportValueUnit | Unset
        if isinstance(_value_unit,  Unset):
            value_unit = UNSET
        else:
            value_unit = ReportValueUnit(_value_unit)




        report = cls(
            report=report,
            title=title,
            unit=unit,
            bucket_unit=bucket_unit,
            dimension=dimension,
            multiple=multiple,
            filters=filters,
            total=total,
            buckets=buckets,
            value=value,
            value_title=value_title,
            value_unit=value_unit,
        )

        return report

