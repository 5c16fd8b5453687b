"""The partners service's rules, free of I/O: partner records, partnership status and agreements, the referral
directory, referrals and broadcasts."""

from .broadcasts import BroadcastCategory, BroadcastMessage, broadcast_contact
from .common import LanguageTag, Need, PhoneNumber, RuleBroken, Strict
from .directory import (
    DirectoryEntry, DirectoryHit, DirectoryQuery, haversine_km, normalise_postal_code, same_language, search_directory,
)
from .partnership import (
    AGREEMENT_KINDS, Agreement, AgreementKind, AgreementTerms, agreement_has_run_out, check_status_change,
)
from .records import (
    BENCHMARK_CATEGORIES, NEEDS, PARTNER_KINDS, WEEKDAYS, Contact, Location, LocationKind, Partner, PartnerKind,
    PartnerRecord, PartnerStatus, Schedule, Service, ServiceStatus, Weekday, first_name,
)
from .referrals import REFERRAL_OUTCOMES, ReferralOutcome, check_outcome, choose_need

__all__ = [
    "AGREEMENT_KINDS", "BENCHMARK_CATEGORIES", "NEEDS", "PARTNER_KINDS", "REFERRAL_OUTCOMES", "WEEKDAYS",
    "Agreement", "AgreementKind", "AgreementTerms", "BroadcastCategory", "BroadcastMessage", "Contact",
    "DirectoryEntry", "DirectoryHit", "DirectoryQuery", "LanguageTag", "Location", "LocationKind", "Need", "Partner",
    "PartnerKind", "PartnerRecord", "PartnerStatus", "PhoneNumber", "ReferralOutcome", "RuleBroken", "Schedule",
    "Service", "ServiceStatus", "Strict", "Weekday", "agreement_has_run_out", "broadcast_contact",
    "check_outcome", "check_status_change", "choose_need", "first_name", "haversine_km", "normalise_postal_code",
    "same_language", "search_directory",
]
