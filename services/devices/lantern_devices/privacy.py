"""Where devices keeps personal data: erasure, export and retention read this (lantern_shared.personal)."""

from lantern_shared.personal import BACKBONE, BACKBONE_NOT_PERSONAL, NotPersonal, PersonalData, PersonalTable, Retention

PERSONAL_DATA = PersonalData("devices", (
    *BACKBONE,
    PersonalTable("borrowers", ("id", "blocked_reason"), "the projection row is marked erased (no more borrowing)",
                  patron_column="id"),
    PersonalTable("loans", ("borrower_kind", "borrower_id"),
                  "returned loans cut loose from the patron at once (a loan still out keeps its link until return)",
                  patron_column="borrower_id",
                  retention=Retention("loan_history", "returned_at",
                                      action="borrower_id = NULL, anonymized_at = coalesce(anonymized_at, now())",
                                      where="borrower_kind = 'patron' AND borrower_id IS NOT NULL "
                                            "AND returned_at IS NOT NULL")),
    PersonalTable("holds", ("borrower_kind", "borrower_id"), "open holds closed; closed holds unlinked",
                  patron_column="borrower_id",
                  retention=Retention("hold_history", "closed_at", action="borrower_id = NULL",
                                      where="borrower_kind = 'patron' AND borrower_id IS NOT NULL "
                                            "AND closed_at IS NOT NULL")),
    PersonalTable("applications", ("patron_id", "need", "submitted_by", "postcode"),
                  "open applications closed and every application unlinked (counts stay)", patron_column="patron_id",
                  retention=Retention("loan_history", "closed_at", action="patron_id = NULL, need = NULL",
                                      where="patron_id IS NOT NULL AND closed_at IS NOT NULL "
                                            "AND status NOT IN ('waiting', 'offered')")),
), not_personal=(
    *BACKBONE_NOT_PERSONAL,
    NotPersonal("device_state_changes", ("reason",), "why a device changed state (repair, wipe)"),
    NotPersonal("programme_rules", ("updated_by",), "the staff member who changed a lending rule"),
    NotPersonal("branches", ("name",), "a library branch's name"),
    NotPersonal("branch_closures", ("reason",), "why a branch is closed (a holiday, repairs)"),
    NotPersonal("spaces", ("name",), "a room's or creation space's name"),
    NotPersonal("space_bookings", ("requested_by", "decided_by", "reason"),
                "spaces are booked for sessions (by staff) and partners' training (by a partner's contact), never "
                "by patrons: who asked, the staff member who decided, and why a request was declined"),
))
