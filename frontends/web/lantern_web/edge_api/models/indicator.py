from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.indicator_counts import IndicatorCounts





T = TypeVar("T", bound="Indicator")



@_attrs_define
class Indicator:
    """ 
        Attributes:
            counts (IndicatorCounts):
            maps_to (list[str]): The same evidence under the other edition's numbering
            met (bool):
            title (str):
     """

    counts: IndicatorCounts
    maps_to: list[str]
    met: bool
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.indicator_counts import IndicatorCounts # noqa: PLC0415
        counts = self.counts.to_dict()

        maps_to = self.maps_to



        met = self.met

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "counts": counts,
            "maps_to": maps_to,
            "met": met,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.indicator_counts import IndicatorCounts # noqa: PLC0415
        d = dict(src_dict)
        counts = IndicatorCounts.from_dict(d.pop("counts"))




        maps_to = cast(list[str], d.pop("maps_to"))


        met = d.pop("met")

        title = d.pop("title")

        indicator = cls(
            counts=counts,
            maps_to=maps_to,
            met=met,
            title=title,
        )


        indicator.additional_properties = d
        return indicator

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
