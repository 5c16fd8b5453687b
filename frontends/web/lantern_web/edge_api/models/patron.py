from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.patron_card_status import check_patron_card_status
from ..models.patron_card_status import PatronCardStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Patron")



@_attrs_define
class Patron:
    """ 
        Attributes:
            id (UUID):
            name (str):
            accessibility_needs (None | str | Unset):
            card_status (PatronCardStatus | Unset):  Default: 'active'.
            consent_to_contact (bool | Unset):  Default: False.
            consent_to_referral (bool | Unset):  Default: False.
            email (None | str | Unset):
            enrolled_at (datetime.datetime | None | Unset):
            guest (bool | Unset):  Default: False.
            library_card_number (None | str | Unset):
            phone (None | str | Unset):
            preferred_language (str | Unset): BCP 47 language tag, e.g. en, es-MX, zh-Hant Default: 'en'.
            sms_opt_in (bool | Unset):  Default: False.
            updated_at (datetime.datetime | None | Unset):
     """

    id: UUID
    name: str
    accessibility_needs: None | str | Unset = UNSET
    card_status: PatronCardStatus | Unset = 'active'
    consent_to_contact: bool | Unset = False
    consent_to_referral: bool | Unset = False
    email: None | str | Unset = UNSET
    enrolled_at: datetime.datetime | None | Unset = UNSET
    guest: bool | Unset = False
    library_card_number: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    preferred_language: str | Unset = 'en'
    sms_opt_in: bool | Unset = False
    updated_at: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        accessibility_needs: None | str | Unset
        if isinstance(self.accessibility_needs, Unset):
            accessibility_needs = UNSET
        else:
            accessibility_needs = self.accessibility_needs

        card_status: str | Unset = UNSET
        if not isinstance(self.card_status, Unset):
            card_status = self.card_status


        consent_to_contact = self.consent_to_contact

        consent_to_referral = self.consent_to_referral

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        enrolled_at: None | str | Unset
        if isinstance(self.enrolled_at, Unset):
            enrolled_at = UNSET
        elif isinstance(self.enrolled_at, datetime.datetime):
            enrolled_at = self.enrolled_at.isoformat()
        else:
            enrolled_at = self.enrolled_at

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

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
        })
        if accessibility_needs is not UNSET:
            field_dict["accessibility_needs"] = accessibility_needs
        if card_status is not UNSET:
            field_dict["card_status"] = card_status
        if consent_to_contact is not UNSET:
            field_dict["consent_to_contact"] = consent_to_contact
        if consent_to_referral is not UNSET:
            field_dict["consent_to_referral"] = consent_to_referral
        if email is not UNSET:
            field_dict["email"] = email
        if enrolled_at is not UNSET:
            field_dict["enrolled_at"] = enrolled_at
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
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        def _parse_accessibility_needs(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accessibility_needs = _parse_accessibility_needs(d.pop("accessibility_needs", UNSET))


        _card_status = d.pop("card_status", UNSET)
        card_status: PatronCardStatus | Unset
        if isinstance(_card_status,  Unset):
            card_status = UNSET
        else:
            card_status = check_patron_card_status(_card_status)




        consent_to_contact = d.pop("consent_to_contact", UNSET)

        consent_to_referral = d.pop("consent_to_referral", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        def _parse_enrolled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                enrolled_at_type_0 = datetime.datetime.fromisoformat(data)



                return enrolled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        enrolled_at = _parse_enrolled_at(d.pop("enrolled_at", UNSET))


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

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))


        patron = cls(
            id=id,
            name=name,
            accessibility_needs=accessibility_needs,
            card_status=card_status,
            consent_to_contact=consent_to_contact,
            consent_to_referral=consent_to_referral,
            email=email,
            enrolled_at=enrolled_at,
            guest=guest,
            library_card_number=library_card_number,
            phone=phone,
            preferred_language=preferred_language,
            sms_opt_in=sms_opt_in,
            updated_at=updated_at,
        )

        return patron

