from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.referral_loop_by_outcome import ReferralLoopByOutcome
  from ..models.referral_loop_status_reports_by_party import ReferralLoopStatusReportsByParty





T = TypeVar("T", bound="ReferralLoop")



@_attrs_define
class ReferralLoop:
    """ Where referrals made in the period stand, and who reported it (the closed loop).

        Attributes:
            by_outcome (ReferralLoopByOutcome):
            made (int):
            reported_back (int): Referrals whose status someone reported (no longer pending)
            status_reports_by_party (ReferralLoopStatusReportsByParty): Status changes reported by the referrer, the partner
                and the patron
     """

    by_outcome: ReferralLoopByOutcome
    made: int
    reported_back: int
    status_reports_by_party: ReferralLoopStatusReportsByParty
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.referral_loop_by_outcome import ReferralLoopByOutcome # noqa: PLC0415
        from ..models.referral_loop_status_reports_by_party import ReferralLoopStatusReportsByParty # noqa: PLC0415
        by_outcome = self.by_outcome.to_dict()

        made = self.made

        reported_back = self.reported_back

        status_reports_by_party = self.status_reports_by_party.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_outcome": by_outcome,
            "made": made,
            "reported_back": reported_back,
            "status_reports_by_party": status_reports_by_party,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.referral_loop_by_outcome import ReferralLoopByOutcome # noqa: PLC0415
        from ..models.referral_loop_status_reports_by_party import ReferralLoopStatusReportsByParty # noqa: PLC0415
        d = dict(src_dict)
        by_outcome = ReferralLoopByOutcome.from_dict(d.pop("by_outcome"))




        made = d.pop("made")

        reported_back = d.pop("reported_back")

        status_reports_by_party = ReferralLoopStatusReportsByParty.from_dict(d.pop("status_reports_by_party"))




        referral_loop = cls(
            by_outcome=by_outcome,
            made=made,
            reported_back=reported_back,
            status_reports_by_party=status_reports_by_party,
        )


        referral_loop.additional_properties = d
        return referral_loop

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
