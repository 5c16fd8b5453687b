"""A one-time sign-in code to email a guest at once: critical (never held by quiet hours), never kept."""

from pydantic import Field

from lantern_shared.fields import LanguageTag
from lantern_shared.models import RequestModel

MESSAGE = "sign_in_code"


class SignInCode(RequestModel):
    email: str = Field(max_length=320, pattern=r"^[^@\s]+@[^@\s]+$")  # the edge checked it as an address
    language: LanguageTag = "en"
    code: str = Field(pattern=r"^[0-9]{6}$", json_schema_extra={"writeOnly": True})
    valid_minutes: int = Field(default=10, ge=1, le=60)
