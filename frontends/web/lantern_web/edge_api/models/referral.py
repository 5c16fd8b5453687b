from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Referral")



@_attrs_define
class Referral:
    """ 
        Attributes:
            contact_id (None | UUID):
            created_at (datetime.datetime):
            id (UUID):
            made_by (str):
            need (str):
            outcome (str):
            outcome_at (datetime.datetime | None):
            outcome_by (None | str):
            outcome_note (None | str):
            partner_id (UUID):
            patron_id (None | UUID):
            service_id (UUID):
            service_name (str):
            shared_fields (list[str]):
            outcome_party (None | str | Unset):
     """

    contact_id: None | UUID
    created_at: datetime.datetime
    id: UUID
    made_by: str
    need: str
    outcome: str
    outcome_at: datetime.datetime | None
    outcome_by: None | str
    outcome_note: None | str
    partner_id: UUID
    patron_id: None | UUID
    service_id: UUID
    service_name: str
    shared_fields: list[str]
    outcome_party: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        contact_id: None | str
        if isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        created_at = self.created_at.isoformat()

        id = str(self.id)

        made_by = self.made_by

        need = self.need

        outcome = self.outcome

        outcome_at: None | str
        if isinstance(self.outcome_at, datetime.datetime):
            outcome_at = self.outcome_at.isoformat()
        else:
            outcome_at = self.outcome_at

        outcome_by: None | str
        outcome_by = self.outcome_by

        outcome_note: None | str
        outcome_note = self.outcome_note

        partner_id = str(self.partner_id)

        patron_id: None | str
        if isinstance(self.patron_id, UUID):
            patron_id = str(self.patron_id)
        else:
            patron_id = self.patron_id

        service_id = str(self.service_id)

        service_name = self.service_name

        shared_fields = self.shared_fields



        outcome_party: None | str | Unset
        if isinstance(self.outcome_party, Unset):
            outcome_party = UNSET
        else:
            outcome_party = self.outcome_party


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contact_id": contact_id,
            "created_at": created_at,
            "id": id,
            "made_by": made_by,
            "need": need,
            "outcome": outcome,
            "outcome_at": outcome_at,
            "outcome_by": outcome_by,
            "outcome_note": outcome_note,
            "partner_id": partner_id,
            "patron_id": patron_id,
            "service_id": service_id,
            "service_name": service_name,
            "shared_fields": shared_fields,
        })
        if outcome_party is not UNSET:
            field_dict["outcome_party"] = outcome_party

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_contact_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_id_type_0 = UUID(data)



                return contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        contact_id = _parse_contact_id(d.pop("contact_id"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = UUID(d.pop("id"))




        made_by = d.pop("made_by")

        need = d.pop("need")

        outcome = d.pop("outcome")

        def _parse_outcome_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_at_type_0 = datetime.datetime.fromisoformat(data)



                return outcome_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        outcome_at = _parse_outcome_at(d.pop("outcome_at"))


        def _parse_outcome_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome_by = _parse_outcome_by(d.pop("outcome_by"))


        def _parse_outcome_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome_note = _parse_outcome_note(d.pop("outcome_note"))


        partner_id = UUID(d.pop("partner_id"))




        def _parse_patron_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                patron_id_type_0 = UUID(data)



                return patron_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        patron_id = _parse_patron_id(d.pop("patron_id"))


        service_id = UUID(d.pop("service_id"))




        service_name = d.pop("service_name")

        shared_fields = cast(list[str], d.pop("shared_fields"))


        def _parse_outcome_party(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome_party = _parse_outcome_party(d.pop("outcome_party", UNSET))


        referral = cls(
            contact_id=contact_id,
            created_at=created_at,
            id=id,
            made_by=made_by,
            need=need,
            outcome=outcome,
            outcome_at=outcome_at,
            outcome_by=outcome_by,
            outcome_note=outcome_note,
            partner_id=partner_id,
            patron_id=patron_id,
            service_id=service_id,
            service_name=service_name,
            shared_fields=shared_fields,
            outcome_party=outcome_party,
        )


        referral.additional_properties = d
        return referral

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
