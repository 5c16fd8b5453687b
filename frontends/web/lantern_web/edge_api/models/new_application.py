from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.device_kind import check_device_kind
from ..models.device_kind import DeviceKind
from ..models.need import check_need
from ..models.need import Need
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="NewApplication")



@_attrs_define
class NewApplication:
    """ 
        Attributes:
            device_kind (DeviceKind):
            household_size (int):
            internet_at_home (bool):
            need (Need): What the device is for, in the programme's categories (a choice, not free text: less to keep, easy
                to count).
            patron_id (UUID):
            preferred_language (str): BCP 47 language tag, e.g. en, es-MX, zh-Hant
            applicant_consented (bool | Unset):  Default: False.
            partner_may_be_told (bool | Unset):  Default: False.
            postcode (None | str | Unset):
            referring_partner_id (None | Unset | UUID):
     """

    device_kind: DeviceKind
    household_size: int
    internet_at_home: bool
    need: Need
    patron_id: UUID
    preferred_language: str
    applicant_consented: bool | Unset = False
    partner_may_be_told: bool | Unset = False
    postcode: None | str | Unset = UNSET
    referring_partner_id: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        device_kind: str = self.device_kind

        household_size = self.household_size

        internet_at_home = self.internet_at_home

        need: str = self.need

        patron_id = str(self.patron_id)

        preferred_language = self.preferred_language

        applicant_consented = self.applicant_consented

        partner_may_be_told = self.partner_may_be_told

        postcode: None | str | Unset
        if isinstance(self.postcode, Unset):
            postcode = UNSET
        else:
            postcode = self.postcode

        referring_partner_id: None | str | Unset
        if isinstance(self.referring_partner_id, Unset):
            referring_partner_id = UNSET
        elif isinstance(self.referring_partner_id, UUID):
            referring_partner_id = str(self.referring_partner_id)
        else:
            referring_partner_id = self.referring_partner_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "device_kind": device_kind,
            "household_size": household_size,
            "internet_at_home": internet_at_home,
            "need": need,
            "patron_id": patron_id,
            "preferred_language": preferred_language,
        })
        if applicant_consented is not UNSET:
            field_dict["applicant_consented"] = applicant_consented
        if partner_may_be_told is not UNSET:
            field_dict["partner_may_be_told"] = partner_may_be_told
        if postcode is not UNSET:
            field_dict["postcode"] = postcode
        if referring_partner_id is not UNSET:
            field_dict["referring_partner_id"] = referring_partner_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        device_kind = check_device_kind(d.pop("device_kind"))




        household_size = d.pop("household_size")

        internet_at_home = d.pop("internet_at_home")

        need = check_need(d.pop("need"))




        patron_id = UUID(d.pop("patron_id"))




        preferred_language = d.pop("preferred_language")

        applicant_consented = d.pop("applicant_consented", UNSET)

        partner_may_be_told = d.pop("partner_may_be_told", UNSET)

        def _parse_postcode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        postcode = _parse_postcode(d.pop("postcode", UNSET))


        def _parse_referring_partner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                referring_partner_id_type_0 = UUID(data)



                return referring_partner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        referring_partner_id = _parse_referring_partner_id(d.pop("referring_partner_id", UNSET))


        new_application = cls(
            device_kind=device_kind,
            household_size=household_size,
            internet_at_home=internet_at_home,
            need=need,
            patron_id=patron_id,
            preferred_language=preferred_language,
            applicant_consented=applicant_consented,
            partner_may_be_told=partner_may_be_told,
            postcode=postcode,
            referring_partner_id=referring_partner_id,
        )

        return new_application

