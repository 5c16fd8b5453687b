from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="RecipientView")



@_attrs_define
class RecipientView:
    """ What staff may see of a recipient: whether and how they can be reached, not the contact points.

        Attributes:
            consent_to_contact (bool):
            email_bounced (bool):
            has_email (bool):
            has_phone (bool):
            id (UUID):
            kind (str):
            language (str):
            phone_rejected (bool):
     """

    consent_to_contact: bool
    email_bounced: bool
    has_email: bool
    has_phone: bool
    id: UUID
    kind: str
    language: str
    phone_rejected: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        consent_to_contact = self.consent_to_contact

        email_bounced = self.email_bounced

        has_email = self.has_email

        has_phone = self.has_phone

        id = str(self.id)

        kind = self.kind

        language = self.language

        phone_rejected = self.phone_rejected


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "consent_to_contact": consent_to_contact,
            "email_bounced": email_bounced,
            "has_email": has_email,
            "has_phone": has_phone,
            "id": id,
            "kind": kind,
            "language": language,
            "phone_rejected": phone_rejected,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consent_to_contact = d.pop("consent_to_contact")

        email_bounced = d.pop("email_bounced")

        has_email = d.pop("has_email")

        has_phone = d.pop("has_phone")

        id = UUID(d.pop("id"))




        kind = d.pop("kind")

        language = d.pop("language")

        phone_rejected = d.pop("phone_rejected")

        recipient_view = cls(
            consent_to_contact=consent_to_contact,
            email_bounced=email_bounced,
            has_email=has_email,
            has_phone=has_phone,
            id=id,
            kind=kind,
            language=language,
            phone_rejected=phone_rejected,
        )


        recipient_view.additional_properties = d
        return recipient_view

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
