"""What registration accepts as a patron, free of I/O."""

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import ConfigDict, EmailStr, Field, ValidationInfo, field_validator

from lantern_shared.fields import LanguageTag, PhoneNumber
from lantern_shared.models import RequestModel


class PatronDetails(RequestModel):
    """What a patron tells us at enrolment: the minimum needed to serve and reach them."""

    model_config = ConfigDict(str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    email: EmailStr | None = None
    phone: PhoneNumber | None = Field(default=None, validate_default=True)
    preferred_language: LanguageTag = "en"
    library_card_number: str | None = Field(default=None, min_length=4, max_length=32, pattern=r"^[A-Za-z0-9\-]+$")
    accessibility_needs: str | None = Field(default=None, max_length=1000)
    consent_to_contact: bool = False
    consent_to_referral: bool = False
    # Signed in with a one-time code sent to their email, without a library card (yet): the edge sets it.
    guest: bool = False
    sms_opt_in: bool = False  # agreed, when enrolling, to texts at `phone` (withdrawn later by STOP or preferences)

    @field_validator("sms_opt_in")
    @classmethod
    def _texts_need_a_number(cls, agreed: bool, info: ValidationInfo) -> bool:
        if agreed and info.data.get("phone") is None and "phone" in info.data:
            raise ValueError("texts need a phone number")
        return agreed

    @field_validator("phone")
    @classmethod
    def _reachable(cls, phone: str | None, info: ValidationInfo) -> str | None:
        # On a field, not the model, so the problem names a field; skipped when the email itself was invalid.
        if phone is None and "email" in info.data and info.data["email"] is None:
            raise ValueError("at least one contact point is needed: email or phone")
        return phone


CardStatus = Literal["active", "blocked", "expired"]


class PatronChanges(RequestModel):
    """A partial update: only the fields sent change; the result must still be a valid `PatronDetails`."""

    model_config = ConfigDict(str_strip_whitespace=True)

    # Fields that cannot be cleared are optional but not nullable: absent leaves them, null is refused.
    name: str = Field(default=None, min_length=1, max_length=200)  # type: ignore[assignment]  # absent means "leave as is"; null is refused
    email: EmailStr | None = None
    phone: PhoneNumber | None = None
    preferred_language: LanguageTag = None
    library_card_number: str | None = Field(default=None, min_length=4, max_length=32, pattern=r"^[A-Za-z0-9\-]+$")
    accessibility_needs: str | None = Field(default=None, max_length=1000)
    consent_to_contact: bool = None  # type: ignore[assignment]  # absent means "leave as is"; null is refused
    consent_to_referral: bool = None  # type: ignore[assignment]  # absent means "leave as is"; null is refused
    # the edge clears it when a guest links a library card
    guest: bool = None  # type: ignore[assignment]  # absent means "leave as is"; null is refused

    def applied_to(self, current: PatronDetails) -> PatronDetails:
        merged: dict[str, Any] = current.model_dump(include=set(PatronDetails.model_fields))
        merged |= self.model_dump(exclude_unset=True)
        return PatronDetails.model_validate(merged)


class Patron(PatronDetails):
    id: UUID
    card_status: CardStatus = "active"
    enrolled_at: datetime | None = None
    updated_at: datetime | None = None
