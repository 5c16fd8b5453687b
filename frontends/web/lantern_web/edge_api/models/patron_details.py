from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PatronDetails")



@_attrs_define
class PatronDetails:
    """ What a patron tells us at enrolment: the minimum needed to serve and reach them.

        Attributes:
            name (str):
            accessibility_needs (None | str | Unset):
            consent_to_contact (bool | Unset):  Default: False.
            consent_to_referral (bool | Unset):  Default: False.
            email (None | str | Unset):
            guest (bool | Unset):  Default: False.
            library_card_number (None | str | Unset):
            phone (None | str | Unset):
            preferred_language (str | Unset): BCP 47 language tag, e.g. en, es-MX, zh-Hant Default: 'en'.
            sms_opt_in (bool | Unset):  Default: False.
     """

    name: str
    accessibility_needs: None | str | Unset = UNSET
    consent_to_contact: bool | Unset = False
    consent_to_referral: bool | Unset = False
    email: None | str | Unset = UNSET
    guest: bool | Unset = False
    library_card_number: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    preferred_language: str | Unset = 'en'
    sms_opt_in: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        accessibility_needs: None | str | Unset
        if isinstance(self.accessibility_needs, Unset):
            accessibility_needs = UNSET
        else:
            accessibility_needs = self.accessibility_needs

        consent_to_contact = self.consent_to_contact

        consent_to_referral = self.consent_to_referral

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        guest = self.guest

        library_card_number: None | str | Unset
        if isinstance(self.library_card_number, Unset):
            library_card_number = UNSET
        else:
            library_card_number = self.library_card_number

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        preferred_language = self.preferred_language

        sms_opt_in = self.sms_opt_in


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if accessibility_needs is not UNSET:
            field_dict["accessibility_needs"] = accessibility_needs
        if consent_to_contact is not UNSET:
            field_dict["consent_to_contact"] = consent_to_contact
        if consent_to_referral is not UNSET:
            field_dict["consent_to_referral"] = consent_to_referral
        if email is not UNSET:
            field_dict["email"] = email
        if guest is not UNSET:
            field_dict["guest"] = guest
        if library_card_number is not UNSET:
            field_dict["library_card_number"] = library_card_number
        if phone is not UNSET:
            field_dict["phone"] = phone
        if preferred_language is not UNSET:
            field_dict["preferred_language"] = preferred_language
        if sms_opt_in is not UNSET:
            field_dict["sms_opt_in"] = sms_opt_in

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_accessibility_needs(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accessibility_needs = _parse_accessibility_needs(d.pop("accessibility_needs", UNSET))


        consent_to_contact = d.pop("consent_to_contact", UNSET)

        consent_to_referral = d.pop("consent_to_referral", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        guest = d.pop("guest", UNSET)

        def _parse_library_card_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        library_card_number = _parse_library_card_number(d.pop("library_card_number", UNSET))


        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        preferred_language = d.pop("preferred_language", UNSET)

        sms_opt_in = d.pop("sms_opt_in", UNSET)

        patron_details = cls(
            name=name,
            accessibility_needs=accessibility_needs,
            consent_to_contact=consent_to_contact,
            consent_to_referral=consent_to_referral,
            email=email,
            guest=guest,
            library_card_number=library_card_number,
            phone=phone,
            preferred_language=preferred_language,
            sms_opt_in=sms_opt_in,
        )

        return patron_details

