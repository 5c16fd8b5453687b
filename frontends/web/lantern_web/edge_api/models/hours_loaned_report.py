from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.hours_loaned import HoursLoaned





T = TypeVar("T", bound="HoursLoanedReport")



@_attrs_define
class HoursLoanedReport:
    """ 
        Attributes:
            from_ (datetime.datetime):
            rows (list[HoursLoaned]):
            to (datetime.datetime):
            total_hours (float):
     """

    from_: datetime.datetime
    rows: list[HoursLoaned]
    to: datetime.datetime
    total_hours: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.hours_loaned import HoursLoaned # noqa: PLC0415
        from_ = self.from_.isoformat()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)



        to = self.to.isoformat()

        total_hours = self.total_hours


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "from": from_,
            "rows": rows,
            "to": to,
            "total_hours": total_hours,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hours_loaned import HoursLoaned # noqa: PLC0415
        d = dict(src_dict)
        from_ = datetime.datetime.fromisoformat(d.pop("from"))




        rows = []
        _rows = d.pop("rows")
        for rows_item_data in (_rows):
            rows_item = HoursLoaned.from_dict(rows_item_data)



            rows.append(rows_item)


        to = datetime.datetime.fromisoformat(d.pop("to"))




        total_hours = d.pop("total_hours")

        hours_loaned_report = cls(
            from_=from_,
            rows=rows,
            to=to,
            total_hours=total_hours,
        )


        hours_loaned_report.additional_properties = d
        return hours_loaned_report

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
