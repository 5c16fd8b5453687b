"""Devices' use cases: each a local transaction plus the events it causes.

HTTP routes, consumers and scheduled jobs call these; each module holds one area of the library's work.
"""

from .borrowers import (
    close_holds_of, partner_activated, partner_lapsed, partner_registered, patron_enrolled, patron_erased,
    recall_partner_loans, set_block,
)
from .holds import cancel_hold, expire_pickups, place_hold
from .inventory import add_device, change_device_state, confirm_wipe, device_reported, device_wiped
from .lending import anonymize_loans, lend, lend_emergency, renew, return_loan, send_loan_notices
from .reservations import (
    Shortfall, recheck_reservations, release, release_training, reserve, reserve_for_training, session_cancelled,
    session_scheduled,
)
from .shared import apply_wipe, offer_to_queue

__all__ = [
    "Shortfall", "add_device", "anonymize_loans", "apply_wipe", "cancel_hold", "change_device_state", "close_holds_of",
    "confirm_wipe", "device_reported", "device_wiped", "expire_pickups", "lend", "lend_emergency", "offer_to_queue",
    "partner_activated", "partner_lapsed", "partner_registered", "patron_enrolled", "patron_erased", "place_hold",
    "recall_partner_loans", "recheck_reservations", "release", "release_training", "renew", "reserve",
    "reserve_for_training", "return_loan", "send_loan_notices", "session_cancelled", "session_scheduled", "set_block",
]
