"""Where partners keeps personal data: erasure, export and retention read this (lantern_shared.personal)."""

from lantern_shared.personal import BACKBONE, BACKBONE_NOT_PERSONAL, NotPersonal, PersonalData, PersonalTable, Retention

_ORGANIZATION = "about partner organizations and their staff, not patrons"

PERSONAL_DATA = PersonalData("partners", (
    *BACKBONE,
    PersonalTable("patron_consents", ("patron_id", "first_name", "email", "phone"),
                  "contact points blanked and consent withdrawn; the row remembers the erasure", patron_column="patron_id"),
    PersonalTable("referrals", ("patron_id", "need", "outcome_note", "outcome_by"),
                  "unlinked from the patron, outcome note blanked, a status the patron reported names only the party "
                  "(the partner's counts stay)", patron_column="patron_id",
                  retention=Retention("referral_outcomes", "outcome_at", action="patron_id = NULL, outcome_note = NULL",
                                      where="patron_id IS NOT NULL AND outcome_at IS NOT NULL")),
    # Exported through the referral it belongs to (its current status and who reported it); the history has no patron.
    PersonalTable("referral_status_changes", ("changed_by",),
                  "a change the patron reported names only the party ('patron'), no longer who"),
), not_personal=(
    *BACKBONE_NOT_PERSONAL,
    NotPersonal("organizations", ("name", "email"), _ORGANIZATION),
    NotPersonal("services", ("name", "needs"), _ORGANIZATION),
    NotPersonal("agreements", ("notes", "library_contact", "end_reason", "signed_by", "ended_by"), _ORGANIZATION),
    NotPersonal("broadcasts", ("subject", "body", "contact_ids", "requested_by"), _ORGANIZATION),
    NotPersonal("distribution_list_members", ("contact_id",), _ORGANIZATION),
    NotPersonal("distribution_lists", ("name",), _ORGANIZATION),
    NotPersonal("partner_status_history", ("reason", "changed_by"), _ORGANIZATION),
    NotPersonal("referrals", ("service_name", "contact_id", "made_by"),
                "the partner's service and contact, and the staff member who made the referral (only staff may)"),
    NotPersonal("record_proposals", ("note", "proposed_by", "reviewed_by", "review_note", "assurer_email"),
                "a partner contact's proposed change to the organization's record, and the staff review of it; "
                + _ORGANIZATION),
))
