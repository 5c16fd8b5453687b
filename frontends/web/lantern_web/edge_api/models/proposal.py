from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.proposal_state import check_proposal_state
from ..models.proposal_state import ProposalState
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.partner_record import PartnerRecord





T = TypeVar("T", bound="Proposal")



@_attrs_define
class Proposal:
    """ 
        Attributes:
            id (UUID):
            note (None | str):
            partner_id (UUID):
            proposed_at (datetime.datetime):
            proposed_by (str):
            record (PartnerRecord): What staff (or a 211 / partner system) say about an organization: everything but
                partnership status.
            state (ProposalState):
            assured_on (datetime.date | None | Unset): The services' assured_date set when it was applied
            assurer_email (None | str | Unset):
            review_note (None | str | Unset):
            reviewed_at (datetime.datetime | None | Unset):
            reviewed_by (None | str | Unset):
     """

    id: UUID
    note: None | str
    partner_id: UUID
    proposed_at: datetime.datetime
    proposed_by: str
    record: PartnerRecord
    state: ProposalState
    assured_on: datetime.date | None | Unset = UNSET
    assurer_email: None | str | Unset = UNSET
    review_note: None | str | Unset = UNSET
    reviewed_at: datetime.datetime | None | Unset = UNSET
    reviewed_by: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.partner_record import PartnerRecord # noqa: PLC0415
        id = str(self.id)

        note: None | str
        note = self.note

        partner_id = str(self.partner_id)

        proposed_at = self.proposed_at.isoformat()

        proposed_by = self.proposed_by

        record = self.record.to_dict()

        state: str = self.state

        assured_on: None | str | Unset
        if isinstance(self.assured_on, Unset):
            assured_on = UNSET
        elif isinstance(self.assured_on, datetime.date):
            assured_on = self.assured_on.isoformat()
        else:
            assured_on = self.assured_on

        assurer_email: None | str | Unset
        if isinstance(self.assurer_email, Unset):
            assurer_email = UNSET
        else:
            assurer_email = self.assurer_email

        review_note: None | str | Unset
        if isinstance(self.review_note, Unset):
            review_note = UNSET
        else:
            review_note = self.review_note

        reviewed_at: None | str | Unset
        if isinstance(self.reviewed_at, Unset):
            reviewed_at = UNSET
        elif isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at

        reviewed_by: None | str | Unset
        if isinstance(self.reviewed_by, Unset):
            reviewed_by = UNSET
        else:
            reviewed_by = self.reviewed_by


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "note": note,
            "partner_id": partner_id,
            "proposed_at": proposed_at,
            "proposed_by": proposed_by,
            "record": record,
            "state": state,
        })
        if assured_on is not UNSET:
            field_dict["assured_on"] = assured_on
        if assurer_email is not UNSET:
            field_dict["assurer_email"] = assurer_email
        if review_note is not UNSET:
            field_dict["review_note"] = review_note
        if reviewed_at is not UNSET:
            field_dict["reviewed_at"] = reviewed_at
        if reviewed_by is not UNSET:
            field_dict["reviewed_by"] = reviewed_by

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.partner_record import PartnerRecord # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        partner_id = UUID(d.pop("partner_id"))




        proposed_at = datetime.datetime.fromisoformat(d.pop("proposed_at"))




        proposed_by = d.pop("proposed_by")

        record = PartnerRecord.from_dict(d.pop("record"))




        state = check_proposal_state(d.pop("state"))




        def _parse_assured_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assured_on_type_0 = datetime.date.fromisoformat(data)



                return assured_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        assured_on = _parse_assured_on(d.pop("assured_on", UNSET))


        def _parse_assurer_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assurer_email = _parse_assurer_email(d.pop("assurer_email", UNSET))


        def _parse_review_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_note = _parse_review_note(d.pop("review_note", UNSET))


        def _parse_reviewed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_at_type_0 = datetime.datetime.fromisoformat(data)



                return reviewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reviewed_at = _parse_reviewed_at(d.pop("reviewed_at", UNSET))


        def _parse_reviewed_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reviewed_by = _parse_reviewed_by(d.pop("reviewed_by", UNSET))


        proposal = cls(
            id=id,
            note=note,
            partner_id=partner_id,
            proposed_at=proposed_at,
            proposed_by=proposed_by,
            record=record,
            state=state,
            assured_on=assured_on,
            assurer_email=assurer_email,
            review_note=review_note,
            reviewed_at=reviewed_at,
            reviewed_by=reviewed_by,
        )


        proposal.additional_properties = d
        return proposal

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
