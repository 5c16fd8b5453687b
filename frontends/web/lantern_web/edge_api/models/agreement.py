from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.agreement_kind import AgreementKind
from ..models.agreement_kind import check_agreement_kind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Agreement")



@_attrs_define
class Agreement:
    """ 
        Attributes:
            id (UUID):
            kind (AgreementKind):
            library_contact (str): The library staff member who looks after it
            partner_id (UUID):
            signed_at (datetime.datetime):
            starts_on (datetime.date):
            end_reason (None | str | Unset):
            ended_by (None | str | Unset):
            ended_on (datetime.date | None | Unset):
            ends_on (datetime.date | None | Unset):
            notes (str | Unset):  Default: ''.
            signed_by (str | Unset):  Default: 'unspecified'.
     """

    id: UUID
    kind: AgreementKind
    library_contact: str
    partner_id: UUID
    signed_at: datetime.datetime
    starts_on: datetime.date
    end_reason: None | str | Unset = UNSET
    ended_by: None | str | Unset = UNSET
    ended_on: datetime.date | None | Unset = UNSET
    ends_on: datetime.date | None | Unset = UNSET
    notes: str | Unset = ''
    signed_by: str | Unset = 'unspecified'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind: str = self.kind

        library_contact = self.library_contact

        partner_id = str(self.partner_id)

        signed_at = self.signed_at.isoformat()

        starts_on = self.starts_on.isoformat()

        end_reason: None | str | Unset
        if isinstance(self.end_reason, Unset):
            end_reason = UNSET
        else:
            end_reason = self.end_reason

        ended_by: None | str | Unset
        if isinstance(self.ended_by, Unset):
            ended_by = UNSET
        else:
            ended_by = self.ended_by

        ended_on: None | str | Unset
        if isinstance(self.ended_on, Unset):
            ended_on = UNSET
        elif isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        notes = self.notes

        signed_by = self.signed_by


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "library_contact": library_contact,
            "partner_id": partner_id,
            "signed_at": signed_at,
            "starts_on": starts_on,
        })
        if end_reason is not UNSET:
            field_dict["end_reason"] = end_reason
        if ended_by is not UNSET:
            field_dict["ended_by"] = ended_by
        if ended_on is not UNSET:
            field_dict["ended_on"] = ended_on
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if notes is not UNSET:
            field_dict["notes"] = notes
        if signed_by is not UNSET:
            field_dict["signed_by"] = signed_by

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        kind = check_agreement_kind(d.pop("kind"))




        library_contact = d.pop("library_contact")

        partner_id = UUID(d.pop("partner_id"))




        signed_at = datetime.datetime.fromisoformat(d.pop("signed_at"))




        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))




        def _parse_end_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_reason = _parse_end_reason(d.pop("end_reason", UNSET))


        def _parse_ended_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ended_by = _parse_ended_by(d.pop("ended_by", UNSET))


        def _parse_ended_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)



                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ended_on = _parse_ended_on(d.pop("ended_on", UNSET))


        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)



                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))


        notes = d.pop("notes", UNSET)

        signed_by = d.pop("signed_by", UNSET)

        agreement = cls(
            id=id,
            kind=kind,
            library_contact=library_contact,
            partner_id=partner_id,
            signed_at=signed_at,
            starts_on=starts_on,
            end_reason=end_reason,
            ended_by=ended_by,
            ended_on=ended_on,
            ends_on=ends_on,
            notes=notes,
            signed_by=signed_by,
        )


        agreement.additional_properties = d
        return agreement

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
