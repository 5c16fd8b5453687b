from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="LanternPartnersStoreReferralsStatusChange")



@_attrs_define
class LanternPartnersStoreReferralsStatusChange:
    """ 
        Attributes:
            changed_at (datetime.datetime):
            from_status (str):
            party (str):
            to_status (str):
     """

    changed_at: datetime.datetime
    from_status: str
    party: str
    to_status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        changed_at = self.changed_at.isoformat()

        from_status = self.from_status

        party = self.party

        to_status = self.to_status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "changed_at": changed_at,
            "from_status": from_status,
            "party": party,
            "to_status": to_status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))




        from_status = d.pop("from_status")

        party = d.pop("party")

        to_status = d.pop("to_status")

        lantern_partners_store_referrals_status_change = cls(
            changed_at=changed_at,
            from_status=from_status,
            party=party,
            to_status=to_status,
        )


        lantern_partners_store_referrals_status_change.additional_properties = d
        return lantern_partners_store_referrals_status_change

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
