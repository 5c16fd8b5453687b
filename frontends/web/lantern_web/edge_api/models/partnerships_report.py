from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.partnerships_report_active_agreements_by_kind import PartnershipsReportActiveAgreementsByKind
  from ..models.partnerships_report_benchmark_coverage import PartnershipsReportBenchmarkCoverage
  from ..models.partnerships_report_devices_on_loan_by_kind import PartnershipsReportDevicesOnLoanByKind
  from ..models.partnerships_report_edge_10 import PartnershipsReportEdge10
  from ..models.partnerships_report_edge_20 import PartnershipsReportEdge20
  from ..models.partnerships_report_partners_by_kind import PartnershipsReportPartnersByKind
  from ..models.partnerships_report_referrals_by_outcome import PartnershipsReportReferralsByOutcome
  from ..models.referral_loop import ReferralLoop





T = TypeVar("T", bound="PartnershipsReport")



@_attrs_define
class PartnershipsReport:
    """ 
        Attributes:
            active_agreements_by_kind (PartnershipsReportActiveAgreementsByKind):
            as_of (datetime.date):
            benchmark_coverage (PartnershipsReportBenchmarkCoverage):
            devices_on_loan_by_kind (PartnershipsReportDevicesOnLoanByKind):
            devices_on_loan_to_partners (int):
            directory_records_overdue (int):
            edge_1_0 (PartnershipsReportEdge10): Benchmark 5, strategic partnerships: 5.1 and 5.2
            edge_2_0 (PartnershipsReportEdge20): 8.1 outreach to community leaders and partners; 9.4 digital services and
                program tracking
            partners_by_kind (PartnershipsReportPartnersByKind):
            partners_holding_devices (int):
            referral_loop (ReferralLoop): Where referrals made in the period stand, and who reported it (the closed loop).
            referrals_by_outcome (PartnershipsReportReferralsByOutcome):
            referrals_made (int):
            verification_period_days (int):
     """

    active_agreements_by_kind: PartnershipsReportActiveAgreementsByKind
    as_of: datetime.date
    benchmark_coverage: PartnershipsReportBenchmarkCoverage
    devices_on_loan_by_kind: PartnershipsReportDevicesOnLoanByKind
    devices_on_loan_to_partners: int
    directory_records_overdue: int
    edge_1_0: PartnershipsReportEdge10
    edge_2_0: PartnershipsReportEdge20
    partners_by_kind: PartnershipsReportPartnersByKind
    partners_holding_devices: int
    referral_loop: ReferralLoop
    referrals_by_outcome: PartnershipsReportReferralsByOutcome
    referrals_made: int
    verification_period_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.partnerships_report_active_agreements_by_kind import PartnershipsReportActiveAgreementsByKind # noqa: PLC0415
        from ..models.partnerships_report_benchmark_coverage import PartnershipsReportBenchmarkCoverage # noqa: PLC0415
        from ..models.partnerships_report_devices_on_loan_by_kind import PartnershipsReportDevicesOnLoanByKind # noqa: PLC0415
        from ..models.partnerships_report_edge_10 import PartnershipsReportEdge10 # noqa: PLC0415
        from ..models.partnerships_report_edge_20 import PartnershipsReportEdge20 # noqa: PLC0415
        from ..models.partnerships_report_partners_by_kind import PartnershipsReportPartnersByKind # noqa: PLC0415
        from ..models.partnerships_report_referrals_by_outcome import PartnershipsReportReferralsByOutcome # noqa: PLC0415
        from ..models.referral_loop import ReferralLoop # noqa: PLC0415
        active_agreements_by_kind = self.active_agreements_by_kind.to_dict()

        as_of = self.as_of.isoformat()

        benchmark_coverage = self.benchmark_coverage.to_dict()

        devices_on_loan_by_kind = self.devices_on_loan_by_kind.to_dict()

        devices_on_loan_to_partners = self.devices_on_loan_to_partners

        directory_records_overdue = self.directory_records_overdue

        edge_1_0 = self.edge_1_0.to_dict()

        edge_2_0 = self.edge_2_0.to_dict()

        partners_by_kind = self.partners_by_kind.to_dict()

        partners_holding_devices = self.partners_holding_devices

        referral_loop = self.referral_loop.to_dict()

        referrals_by_outcome = self.referrals_by_outcome.to_dict()

        referrals_made = self.referrals_made

        verification_period_days = self.verification_period_days


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active_agreements_by_kind": active_agreements_by_kind,
            "as_of": as_of,
            "benchmark_coverage": benchmark_coverage,
            "devices_on_loan_by_kind": devices_on_loan_by_kind,
            "devices_on_loan_to_partners": devices_on_loan_to_partners,
            "directory_records_overdue": directory_records_overdue,
            "edge_1_0": edge_1_0,
            "edge_2_0": edge_2_0,
            "partners_by_kind": partners_by_kind,
            "partners_holding_devices": partners_holding_devices,
            "referral_loop": referral_loop,
            "referrals_by_outcome": referrals_by_outcome,
            "referrals_made": referrals_made,
            "verification_period_days": verification_period_days,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.partnerships_report_active_agreements_by_kind import PartnershipsReportActiveAgreementsByKind # noqa: PLC0415
        from ..models.partnerships_report_benchmark_coverage import PartnershipsReportBenchmarkCoverage # noqa: PLC0415
        from ..models.partnerships_report_devices_on_loan_by_kind import PartnershipsReportDevicesOnLoanByKind # noqa: PLC0415
        from ..models.partnerships_report_edge_10 import PartnershipsReportEdge10 # noqa: PLC0415
        from ..models.partnerships_report_edge_20 import PartnershipsReportEdge20 # noqa: PLC0415
        from ..models.partnerships_report_partners_by_kind import PartnershipsReportPartnersByKind # noqa: PLC0415
        from ..models.partnerships_report_referrals_by_outcome import PartnershipsReportReferralsByOutcome # noqa: PLC0415
        from ..models.referral_loop import ReferralLoop # noqa: PLC0415
        d = dict(src_dict)
        active_agreements_by_kind = PartnershipsReportActiveAgreementsByKind.from_dict(d.pop("active_agreements_by_kind"))




        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        benchmark_coverage = PartnershipsReportBenchmarkCoverage.from_dict(d.pop("benchmark_coverage"))




        devices_on_loan_by_kind = PartnershipsReportDevicesOnLoanByKind.from_dict(d.pop("devices_on_loan_by_kind"))




        devices_on_loan_to_partners = d.pop("devices_on_loan_to_partners")

        directory_records_overdue = d.pop("directory_records_overdue")

        edge_1_0 = PartnershipsReportEdge10.from_dict(d.pop("edge_1_0"))




        edge_2_0 = PartnershipsReportEdge20.from_dict(d.pop("edge_2_0"))




        partners_by_kind = PartnershipsReportPartnersByKind.from_dict(d.pop("partners_by_kind"))




        partners_holding_devices = d.pop("partners_holding_devices")

        referral_loop = ReferralLoop.from_dict(d.pop("referral_loop"))




        referrals_by_outcome = PartnershipsReportReferralsByOutcome.from_dict(d.pop("referrals_by_outcome"))




        referrals_made = d.pop("referrals_made")

        verification_period_days = d.pop("verification_period_days")

        partnerships_report = cls(
            active_agreements_by_kind=active_agreements_by_kind,
            as_of=as_of,
            benchmark_coverage=benchmark_coverage,
            devices_on_loan_by_kind=devices_on_loan_by_kind,
            devices_on_loan_to_partners=devices_on_loan_to_partners,
            directory_records_overdue=directory_records_overdue,
            edge_1_0=edge_1_0,
            edge_2_0=edge_2_0,
            partners_by_kind=partners_by_kind,
            partners_holding_devices=partners_holding_devices,
            referral_loop=referral_loop,
            referrals_by_outcome=referrals_by_outcome,
            referrals_made=referrals_made,
            verification_period_days=verification_period_days,
        )


        partnerships_report.additional_properties = d
        return partnerships_report

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
