from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.partner_record import PartnerRecord





T = TypeVar("T", bound="ProposalRequest")



@_attrs_define
class ProposalRequest:
    """ 
        Attributes:
            record (PartnerRecord): What staff (or a 211 / partner system) say about an organization: everything but
                partnership status.
            note (None | str | Unset): What changed and why, for the reviewer
     """

    record: PartnerRecord
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.partner_record import PartnerRecord # noqa: PLC0415
        record = self.record.to_dict()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "record": record,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.partner_record import PartnerRecord # noqa: PLC0415
        d = dict(src_dict)
        record = PartnerRecord.from_dict(d.pop("record"))




        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        proposal_request = cls(
            record=record,
            note=note,
        )

        return proposal_request

