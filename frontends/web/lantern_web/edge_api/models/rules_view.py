from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.device_kind import check_device_kind
from ..models.device_kind import DeviceKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RulesView")



@_attrs_define
class RulesView:
    """ 
        Attributes:
            device_kind (DeviceKind):
            accepting_applications (bool | Unset):  Default: True.
            eligible_postcodes (list[str] | Unset):
            loan_days (int | Unset):  Default: 90.
            max_renewals (int | Unset):  Default: 1.
            min_household_size (int | Unset):  Default: 1.
            only_without_internet (bool | Unset):  Default: False.
            pickup_days (int | Unset):  Default: 3.
            points_no_internet_at_home (int | Unset):  Default: 0.
            points_referred_by_partner (int | Unset):  Default: 0.
            points_underserved_area (int | Unset):  Default: 0.
            underserved_postcodes (list[str] | Unset):
     """

    device_kind: DeviceKind
    accepting_applications: bool | Unset = True
    eligible_postcodes: list[str] | Unset = UNSET
    loan_days: int | Unset = 90
    max_renewals: int | Unset = 1
    min_household_size: int | Unset = 1
    only_without_internet: bool | Unset = False
    pickup_days: int | Unset = 3
    points_no_internet_at_home: int | Unset = 0
    points_referred_by_partner: int | Unset = 0
    points_underserved_area: int | Unset = 0
    underserved_postcodes: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        device_kind: str = self.device_kind

        accepting_applications = self.accepting_applications

        eligible_postcodes: list[str] | Unset = UNSET
        if not isinstance(self.eligible_postcodes, Unset):
            eligible_postcodes = self.eligible_postcodes



        loan_days = self.loan_days

        max_renewals = self.max_renewals

        min_household_size = self.min_household_size

        only_without_internet = self.only_without_internet

        pickup_days = self.pickup_days

        points_no_internet_at_home = self.points_no_internet_at_home

        points_referred_by_partner = self.points_referred_by_partner

        points_underserved_area = self.points_underserved_area

        underserved_postcodes: list[str] | Unset = UNSET
        if not isinstance(self.underserved_postcodes, Unset):
            underserved_postcodes = self.underserved_postcodes




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "device_kind": device_kind,
        })
        if accepting_applications is not UNSET:
            field_dict["accepting_applications"] = accepting_applications
        if eligible_postcodes is not UNSET:
            field_dict["eligible_postcodes"] = eligible_postcodes
        if loan_days is not UNSET:
            field_dict["loan_days"] = loan_days
        if max_renewals is not UNSET:
            field_dict["max_renewals"] = max_renewals
        if min_household_size is not UNSET:
            field_dict["min_household_size"] = min_household_size
        if only_without_internet is not UNSET:
            field_dict["only_without_internet"] = only_without_internet
        if pickup_days is not UNSET:
            field_dict["pickup_days"] = pickup_days
        if points_no_internet_at_home is not UNSET:
            field_dict["points_no_internet_at_home"] = points_no_internet_at_home
        if points_referred_by_partner is not UNSET:
            field_dict["points_referred_by_partner"] = points_referred_by_partner
        if points_underserved_area is not UNSET:
            field_dict["points_underserved_area"] = points_underserved_area
        if underserved_postcodes is not UNSET:
            field_dict["underserved_postcodes"] = underserved_postcodes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        device_kind = check_device_kind(d.pop("device_kind"))




        accepting_applications = d.pop("accepting_applications", UNSET)

        eligible_postcodes = cast(list[str], d.pop("eligible_postcodes", UNSET))


        loan_days = d.pop("loan_days", UNSET)

        max_renewals = d.pop("max_renewals", UNSET)

        min_household_size = d.pop("min_household_size", UNSET)

        only_without_internet = d.pop("only_without_internet", UNSET)

        pickup_days = d.pop("pickup_days", UNSET)

        points_no_internet_at_home = d.pop("points_no_internet_at_home", UNSET)

        points_referred_by_partner = d.pop("points_referred_by_partner", UNSET)

        points_underserved_area = d.pop("points_underserved_area", UNSET)

        underserved_postcodes = cast(list[str], d.pop("underserved_postcodes", UNSET))


        rules_view = cls(
            device_kind=device_kind,
            accepting_applications=accepting_applications,
            eligible_postcodes=eligible_postcodes,
            loan_days=loan_days,
            max_renewals=max_renewals,
            min_household_size=min_household_size,
            only_without_internet=only_without_internet,
            pickup_days=pickup_days,
            points_no_internet_at_home=points_no_internet_at_home,
            points_referred_by_partner=points_referred_by_partner,
            points_underserved_area=points_underserved_area,
            underserved_postcodes=underserved_postcodes,
        )


        rules_view.additional_properties = d
        return rules_view

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
