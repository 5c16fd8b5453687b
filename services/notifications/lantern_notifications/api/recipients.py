"""GET /recipients/{id}: whether and how a recipient can be reached."""

from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel

from ..deps import Needs
from ..handlers import recipients

router = APIRouter(tags=["notifications"])


class RecipientView(BaseModel):
    """What staff may see of a recipient: whether and how they can be reached, not the contact points."""

    id: UUID
    kind: str
    language: str
    consent_to_contact: bool
    has_email: bool
    has_phone: bool
    email_bounced: bool
    phone_rejected: bool


@router.get("/recipients/{recipient_id}", response_model=RecipientView)
async def recipient(recipient_id: UUID, deps: Needs) -> RecipientView:
    found = await recipients.find(deps, recipient_id)
    return RecipientView(
        id=found.id, kind=found.kind, language=found.language, consent_to_contact=found.consent_to_contact,
        has_email=found.email is not None, has_phone=found.phone is not None,
        email_bounced=found.email_invalid, phone_rejected=found.phone_invalid,
    )
