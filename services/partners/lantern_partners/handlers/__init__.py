"""The partners service's use cases: each a local transaction plus the events it causes."""

from .common import NotFound, RecordConflict
from .partners import (
    store_record,
    register_partner,
    replace_record,
    change_status,
    verify_service,
    ImportResult,
    apply_hsds,
    import_hsds,
    SaveOutcome,
)
from .agreements import sign_agreement, end_agreement, end_run_out_agreements
from .referrals import ReferralRequest, make_referral, record_outcome
from .broadcasts import add_to_list, BroadcastReceipt, request_broadcast

__all__ = [
    "BroadcastReceipt",
    "ImportResult",
    "NotFound",
    "RecordConflict",
    "ReferralRequest",
    "SaveOutcome",
    "add_to_list",
    "apply_hsds",
    "change_status",
    "end_agreement",
    "end_run_out_agreements",
    "import_hsds",
    "make_referral",
    "record_outcome",
    "register_partner",
    "replace_record",
    "request_broadcast",
    "sign_agreement",
    "store_record",
    "verify_service",
]
