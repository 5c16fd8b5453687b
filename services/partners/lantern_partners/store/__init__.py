"""The partners service's SQL: plain, parameterised, returning typed objects."""

from .partners import get_partner, content_hash, lock_partner_id, insert_partner, update_record, children_of_others, reindex, set_status, StatusChange, status_history, list_partners, all_partners, partner_of_service, directory_entries, OverdueRecord, overdue_services
from .agreements import insert_agreement, get_agreement, list_agreements, agreements_run_out, end_agreement, shorten_agreement
from .patrons import Consent, record_consent, get_consent, erase_patron
from .referrals import Referral, insert_referral, get_referral, list_referrals, record_outcome
from .loans import loan_started, loan_returned
from .lists import ListMember, DistributionList, insert_list, get_list, list_lists, put_member, remove_member, members, insert_broadcast
from .reports import partners_by_kind_and_status, active_agreements_by_kind, devices_on_loan_to_partners, referrals_by_outcome, count_overdue

__all__ = [
    "Consent", "DistributionList", "ListMember", "OverdueRecord", "Referral", "StatusChange", "active_agreements_by_kind", "agreements_run_out", "all_partners", "children_of_others", "content_hash", "count_overdue", "devices_on_loan_to_partners", "directory_entries", "end_agreement", "erase_patron", "get_agreement", "get_consent", "get_list", "get_partner", "get_referral", "insert_agreement", "insert_broadcast", "insert_list", "insert_partner", "insert_referral", "list_agreements", "list_lists", "list_partners", "list_referrals", "loan_returned", "loan_started", "lock_partner_id", "members", "overdue_services", "partner_of_service", "partners_by_kind_and_status", "put_member", "record_consent", "record_outcome", "referrals_by_outcome", "reindex", "remove_member", "set_status", "shorten_agreement", "status_history", "update_record",
]
