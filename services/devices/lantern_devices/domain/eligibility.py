"""The long-loan programme's rules for one kind of device: who may apply, how applicants are ranked, and the
programme's pickup window, loan period and renewals. Staff set them; nothing here touches the database."""

from datetime import datetime, timedelta
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints, field_validator

from lantern_shared.refusals import Refusal, conflict

Postcode = Annotated[str, StringConstraints(max_length=16)]


def normalized_postcode(postcode: str | None) -> str | None:
    """One spelling per area, so that '97203 ' and '97203' are the same place in rules and reports."""
    if postcode is None:
        return None
    cleaned = " ".join(postcode.upper().split())
    return cleaned or None


class ApplicationForm(BaseModel):
    """What the rules look at in an application (the short form, as the applicant filled it)."""

    internet_at_home: bool
    household_size: int
    postcode: str | None = None
    # Referred by a partner that vouches for it: the partner (or staff) sent the form. A patron naming a partner
    # themselves is recorded as the referral source for the reports, but earns no points for it.
    referred: bool = False


class ProgrammeRules(BaseModel):
    """Eligibility, priority points and the programme's terms for one kind of device (the kind is the key)."""

    accepting_applications: bool = True
    # Eligibility: an empty list of postcodes means the whole service area.
    eligible_postcodes: list[Postcode] = Field(default_factory=list, max_length=2000)
    only_without_internet: bool = False
    min_household_size: int = Field(default=1, ge=1, le=30)
    # Priority: points add up; the waiting list runs from the highest score, then the earliest application.
    points_referred_by_partner: int = Field(default=0, ge=0, le=1000)
    points_no_internet_at_home: int = Field(default=0, ge=0, le=1000)
    points_underserved_area: int = Field(default=0, ge=0, le=1000)
    underserved_postcodes: list[Postcode] = Field(default_factory=list, max_length=2000)
    # The programme's terms.
    pickup_days: int = Field(default=3, ge=1, le=60)
    loan_days: int = Field(default=90, ge=1, le=730)
    max_renewals: int = Field(default=1, ge=0, le=20)

    @field_validator("eligible_postcodes", "underserved_postcodes")
    @classmethod
    def _postcodes(cls, value: list[str]) -> list[str]:
        return sorted({p for p in (normalized_postcode(v) for v in value) if p})

    def refusal(self, form: ApplicationForm) -> Refusal | None:
        """Why this application cannot join the waiting list, if it cannot."""
        if not self.accepting_applications:
            return conflict("programme_closed", "the programme is not taking applications")
        postcode = normalized_postcode(form.postcode)
        if self.eligible_postcodes and postcode not in self.eligible_postcodes:
            return conflict("outside_programme_area", "the programme serves other areas", field="postcode")
        if self.only_without_internet and form.internet_at_home:
            return conflict("has_internet_at_home", "the programme is for households without internet at home",
                            field="internet_at_home")
        if form.household_size < self.min_household_size:
            return conflict("household_too_small", f"the programme is for households of {self.min_household_size} or more",
                            field="household_size")
        return None

    def priority(self, form: ApplicationForm) -> int:
        score = 0
        if form.referred:
            score += self.points_referred_by_partner
        if not form.internet_at_home:
            score += self.points_no_internet_at_home
        if normalized_postcode(form.postcode) in self.underserved_postcodes:
            score += self.points_underserved_area
        return score

    @property
    def pickup_window(self) -> timedelta:
        return timedelta(days=self.pickup_days)

    @property
    def loan_period(self) -> timedelta:
        return timedelta(days=self.loan_days)

    def renewal_refusal(self, renewals: int) -> Refusal | None:
        if renewals >= self.max_renewals:
            return conflict("renewal_limit", f"a programme loan may be renewed {self.max_renewals} times")
        return None

    def renewed_due(self, now: datetime, due_at: datetime) -> datetime:
        """A renewal adds one programme period to the later of today and the due date."""
        return max(now, due_at) + self.loan_period
