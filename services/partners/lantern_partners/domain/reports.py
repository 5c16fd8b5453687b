"""The Edge-benchmark partnerships report: partners by kind and status, which benchmark categories they cover,
referral outcomes (closed loop), and the Edge 1.0 indicators 5.1/5.2 mapped to Edge 2.0's 8.1 and 9.4."""

from datetime import date

from pydantic import BaseModel, Field

from .records import BENCHMARK_CATEGORIES, PARTNER_KINDS

STATUSES = ("prospect", "active", "lapsed")


class Coverage(BaseModel):
    covered: bool
    active_partners: int
    kinds: list[str]


class Indicator(BaseModel):
    title: str
    met: bool
    maps_to: list[str] = Field(description="The same evidence under the other edition's numbering")
    counts: dict[str, int]


class ReferralLoop(BaseModel):
    """Where referrals made in the period stand, and who reported it (the closed loop)."""

    made: int
    by_outcome: dict[str, int]
    reported_back: int = Field(description="Referrals whose status someone reported (no longer pending)")
    status_reports_by_party: dict[str, int] = Field(description="Status changes reported by the referrer, the "
                                                    "partner and the patron")


class PartnershipsReport(BaseModel):
    as_of: date
    partners_by_kind: dict[str, dict[str, int]]
    benchmark_coverage: dict[str, Coverage]
    active_agreements_by_kind: dict[str, int]
    devices_on_loan_to_partners: int
    devices_on_loan_by_kind: dict[str, int]
    partners_holding_devices: int
    referrals_made: int
    referrals_by_outcome: dict[str, int]
    directory_records_overdue: int
    verification_period_days: int
    referral_loop: ReferralLoop
    edge_1_0: dict[str, Indicator] = Field(description="Benchmark 5, strategic partnerships: 5.1 and 5.2")
    edge_2_0: dict[str, Indicator] = Field(description="8.1 outreach to community leaders and partners; "
                                           "9.4 digital services and program tracking")


def partners_by_kind(counts: list[tuple[str, str, int]]) -> dict[str, dict[str, int]]:
    """Every known kind and status is present, counted or not."""
    by_kind: dict[str, dict[str, int]] = {k: dict.fromkeys(STATUSES, 0) for k in PARTNER_KINDS}
    for kind, status, n in counts:
        by_kind.setdefault(kind, dict.fromkeys(STATUSES, 0))[status] = n
    return by_kind


def benchmark_coverage(by_kind: dict[str, dict[str, int]]) -> dict[str, Coverage]:
    """A benchmark category is covered when at least one active partner is of one of its kinds."""
    coverage = {}
    for category, kinds in BENCHMARK_CATEGORIES.items():
        active = sum(by_kind[k]["active"] for k in kinds)
        coverage[category] = Coverage(covered=active > 0, active_partners=active, kinds=sorted(kinds))
    return coverage


def referral_loop(outcomes: dict[str, int], by_party: dict[str, int]) -> ReferralLoop:
    made = sum(outcomes.values())
    return ReferralLoop(made=made, by_outcome=outcomes, reported_back=made - outcomes.get("pending", 0),
                        status_reports_by_party={p: by_party.get(p, 0) for p in ("referrer", "partner", "patron")})


def edge_indicators(coverage: dict[str, Coverage], agreements: dict[str, int], devices_on_loan: int,
                    partners_holding_devices: int, loop: ReferralLoop) -> tuple[dict[str, Indicator], dict[str, Indicator]]:
    """Edge 1.0 5.1 (partners in the four benchmark areas) and 5.2 (devices or space loaned to community
    organizations for technology training) are both evidence for Edge 2.0 8.1 (outreach to community leaders and
    partners); referrals tracked to their outcome are evidence for 9.4 (digital services and program tracking).
    Space loaned in hours is counted by the spaces report; here, workspace agreements in force stand for it."""
    covered = sum(c.covered for c in coverage.values())
    five_one = Indicator(
        title="Partnerships with workforce, government or social services, education and health organizations",
        met=covered == len(coverage), maps_to=["2.0/8.1"],
        counts={"categories_covered": covered, "categories": len(coverage),
                **{f"active_{name}_partners": c.active_partners for name, c in coverage.items()}})
    five_two = Indicator(
        title="Devices or space loaned to community organizations for technology-related training",
        met=devices_on_loan > 0 or agreements.get("workspace", 0) > 0, maps_to=["2.0/8.1"],
        counts={"devices_on_loan": devices_on_loan, "partners_holding_devices": partners_holding_devices,
                "device_loan_agreements": agreements.get("device_loans", 0),
                "workspace_agreements": agreements.get("workspace", 0)})
    eight_one = Indicator(
        title="Outreach to community leaders and partners", met=five_one.met or five_two.met,
        maps_to=["1.0/5.1", "1.0/5.2"],
        counts={"active_partners": sum(c.active_partners for c in coverage.values()),
                "agreements_in_force": sum(agreements.values()), **five_two.counts})
    nine_four = Indicator(
        title="Digital services and program tracking (referrals followed to their outcome)",
        met=loop.reported_back > 0, maps_to=[],
        counts={"referrals_made": loop.made, "reported_back": loop.reported_back,
                **{f"outcome_{k}": v for k, v in loop.by_outcome.items()},
                **{f"reported_by_{k}": v for k, v in loop.status_reports_by_party.items()}})
    return {"5.1": five_one, "5.2": five_two}, {"8.1": eight_one, "9.4": nine_four}
