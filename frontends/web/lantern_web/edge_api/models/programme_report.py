from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.report_row import ReportRow





T = TypeVar("T", bound="ProgrammeReport")



@_attrs_define
class ProgrammeReport:
    """ 
        Attributes:
            by_area (list[ReportRow]):
            by_language (list[ReportRow]):
            by_referral_source (list[ReportRow]):
     """

    by_area: list[ReportRow]
    by_language: list[ReportRow]
    by_referral_source: list[ReportRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.report_row import ReportRow # noqa: PLC0415
        by_area = []
        for by_area_item_data in self.by_area:
            by_area_item = by_area_item_data.to_dict()
            by_area.append(by_area_item)



        by_language = []
        for by_language_item_data in self.by_language:
            by_language_item = by_language_item_data.to_dict()
            by_language.append(by_language_item)



        by_referral_source = []
        for by_referral_source_item_data in self.by_referral_source:
            by_referral_source_item = by_referral_source_item_data.to_dict()
            by_referral_source.append(by_referral_source_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_area": by_area,
            "by_language": by_language,
            "by_referral_source": by_referral_source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_row import ReportRow # noqa: PLC0415
        d = dict(src_dict)
        by_area = []
        _by_area = d.pop("by_area")
        for by_area_item_data in (_by_area):
            by_area_item = ReportRow.from_dict(by_area_item_data)



            by_area.append(by_area_item)


        by_language = []
        _by_language = d.pop("by_language")
        for by_language_item_data in (_by_language):
            by_language_item = ReportRow.from_dict(by_language_item_data)



            by_language.append(by_language_item)


        by_referral_source = []
        _by_referral_source = d.pop("by_referral_source")
        for by_referral_source_item_data in (_by_referral_source):
            by_referral_source_item = ReportRow.from_dict(by_referral_source_item_data)



            by_referral_source.append(by_referral_source_item)


        programme_report = cls(
            by_area=by_area,
            by_language=by_language,
            by_referral_source=by_referral_source,
        )


        programme_report.additional_properties = d
        return programme_report

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
