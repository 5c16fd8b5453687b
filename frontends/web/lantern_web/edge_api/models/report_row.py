from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ReportRow")



@_attrs_define
class ReportRow:
    """ 
        Attributes:
            applications (int):
            average_wait_days (float | None):
            key (str):
            lapsed_offers (int):
            loans (int):
            offers (int):
            waiting (int):
     """

    applications: int
    average_wait_days: float | None
    key: str
    lapsed_offers: int
    loans: int
    offers: int
    waiting: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        applications = self.applications

        average_wait_days: float | None
        average_wait_days = self.average_wait_days

        key = self.key

        lapsed_offers = self.lapsed_offers

        loans = self.loans

        offers = self.offers

        waiting = self.waiting


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "applications": applications,
            "average_wait_days": average_wait_days,
            "key": key,
            "lapsed_offers": lapsed_offers,
            "loans": loans,
            "offers": offers,
            "waiting": waiting,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applications = d.pop("applications")

        def _parse_average_wait_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        average_wait_days = _parse_average_wait_days(d.pop("average_wait_days"))


        key = d.pop("key")

        lapsed_offers = d.pop("lapsed_offers")

        loans = d.pop("loans")

        offers = d.pop("offers")

        waiting = d.pop("waiting")

        report_row = cls(
            applications=applications,
            average_wait_days=average_wait_days,
            key=key,
            lapsed_offers=lapsed_offers,
            loans=loans,
            offers=offers,
            waiting=waiting,
        )


        report_row.additional_properties = d
        return report_row

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
