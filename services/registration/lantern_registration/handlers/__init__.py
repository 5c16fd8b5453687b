"""Registration's use cases: each a local transaction plus the events it causes."""

from .patrons import enroll_patron
from .wiring import Outreach

__all__ = ["Outreach", "enroll_patron"]
