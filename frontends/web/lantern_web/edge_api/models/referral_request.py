from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ReferralRequest")



@_attrs_define
class ReferralRequest:
    """ 
        Attributes:
            patron_id (UUID):
            service_id (UUID):
            contact_id (None | Unset | UUID): The partner contact to tell; the organization's first if omitted
            need (None | str | Unset): The need referred for; the service's first need if omitted
            share_email (bool | Unset): The patron agreed to give the partner their email Default: False.
            share_phone (bool | Unset): The patron agreed to give the partner their phone Default: False.
     """

    patron_id: UUID
    service_id: UUID
    contact_id: None | Unset | UUID = UNSET
    need: None | str | Unset = UNSET
    share_email: bool | Unset = False
    share_phone: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        patron_id = str(self.patron_id)

        service_id = str(self.service_id)

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        elif isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        need: None | str | Unset
        if isinstance(self.need, Unset):
            need = UNSET
        else:
            need = self.need

        share_email = self.share_email

        share_phone = self.share_phone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "patron_id": patron_id,
            "service_id": service_id,
        })
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if need is not UNSET:
            field_dict["need"] = need
        if share_email is not UNSET:
            field_dict["share_email"] = share_email
        if share_phone is not UNSET:
            field_dict["share_phone"] = share_phone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        patron_id = UUID(d.pop("patron_id"))




        service_id = UUID(d.pop("service_id"))




        def _parse_contact_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_id_type_0 = UUID(data)



                return contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contact_id = _parse_contact_id(d.pop("contact_id", UNSET))


        def _parse_need(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        need = _parse_need(d.pop("need", UNSET))


        share_email = d.pop("share_email", UNSET)

        share_phone = d.pop("share_phone", UNSET)

        referral_request = cls(
            patron_id=patron_id,
            service_id=service_id,
            contact_id=contact_id,
            need=need,
            share_email=share_email,
            share_phone=share_phone,
        )

        return referral_request

