from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PatronChanges")



@_attrs_define
class PatronChanges:
    """ A partial update: only the fields sent change; the result must still be a valid `PatronDetails`.

        Attributes:
            accessibility_needs (None | str | Unset):
            consent_to_contact (bool | Unset):
            consent_to_referral (bool | Unset):
            email (None | str | Unset):
            guest (bool | Unset):
            library_card_number (None | str | Unset):
            name (str | Unset):
            phone (None | str | Unset):
            preferred_language (str | Unset): BCP 47 language tag, e.g. en, es-MX, zh-Hant
     """

    accessibility_needs: None | str | Unset = UNSET
    consent_to_contact: bool | Unset = UNSET
    consent_to_referral: bool | Unset = UNSET
    email: None | str | Unset = UNSET
    guest: bool | Unset = UNSET
    library_card_number: None | str | Unset = UNSET
    name: str | Unset = UNSET
    phone: None | str | Unset = UNSET
    preferred_language: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
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

        name = self.name

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        preferred_language = self.preferred_language


        field_dict: dict[str, Any] = {}

        field_dict.update({
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
        if name is not UNSET:
            field_dict["name"] = name
        if phone is not UNSET:
            field_dict["phone"] = phone
        if preferred_language is not UNSET:
            field_dict["preferred_language"] = preferred_language

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
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


        name = d.pop("name", UNSET)

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        preferred_language = d.pop("preferred_language", UNSET)

        patron_changes = cls(
            accessibility_needs=accessibility_needs,
            consent_to_contact=consent_to_contact,
            consent_to_referral=consent_to_referral,
            email=email,
            guest=guest,
            library_card_number=library_card_number,
            name=name,
            phone=phone,
            preferred_language=preferred_language,
        )

        return patron_changes

