from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="ReferralConsent")



@_attrs_define
class ReferralConsent:
    """ 
        Attributes:
            consent_to_referral (bool):
            known (bool): Whether registration has told partners about this patron
            patron_id (UUID):
     """

    consent_to_referral: bool
    known: bool
    patron_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        consent_to_referral = self.consent_to_referral

        known = self.known

        patron_id = str(self.patron_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "consent_to_referral": consent_to_referral,
            "known": known,
            "patron_id": patron_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consent_to_referral = d.pop("consent_to_referral")

        known = d.pop("known")

        patron_id = UUID(d.pop("patron_id"))




        referral_consent = cls(
            consent_to_referral=consent_to_referral,
            known=known,
            patron_id=patron_id,
        )


        referral_consent.additional_properties = d
        return referral_consent

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
