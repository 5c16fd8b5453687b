"""GET and PUT /recipients/{id}/sms-consent: whether a recipient agreed to texts, when and how, at which number."""

from datetime import datetime
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel

from lantern_shared.fields import for_reader

from ..deps import Deps, Needs
from ..domain.recipients import Recipient
from ..domain.sms_consent import Consent, ConsentChoice, Source
from ..handlers import sms_consent

router = APIRouter(tags=["notifications"])


class SmsConsentView(BaseModel):
    opted_in: bool  # texts go to the number on file
    source: Source | None  # how consent was last given or withdrawn (enrolment, preferences, a keyword reply)
    changed_at: datetime | None
    number: str | None  # the number on file, as a person writes it; texts need consent given at this number


@router.get("/recipients/{recipient_id}/sms-consent", response_model=SmsConsentView)
async def get_consent(recipient_id: UUID, deps: Needs) -> SmsConsentView:
    return _view(deps, *await sms_consent.current(deps, recipient_id))


@router.put("/recipients/{recipient_id}/sms-consent", response_model=SmsConsentView)
async def put_consent(recipient_id: UUID, choice: ConsentChoice, deps: Needs) -> SmsConsentView:
    """Agree to texts at the number on file, or withdraw. A landline or a number not in use is refused (422)."""
    return _view(deps, *await sms_consent.choose(deps, recipient_id, choice))


def _view(deps: Deps, recipient: Recipient, consent: Consent | None) -> SmsConsentView:
    current = consent if consent is not None and consent.phone == recipient.phone else None
    return SmsConsentView(
        opted_in=current is not None and current.opted_in, source=current.source if current else None,
        changed_at=current.changed_at if current else None,
        number=for_reader(recipient.phone, deps.settings.phone_region) if recipient.phone else None,
    )
