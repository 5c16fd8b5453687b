"""Where registration keeps personal data: erasure, export and retention read this (lantern_shared.personal)."""

from lantern_shared.personal import BACKBONE, BACKBONE_NOT_PERSONAL, NotPersonal, PersonalData, PersonalTable, Retention

_ERASED_WITH_ROW = "kept as an id-only tombstone; erasure blanks the patron row, so this links to no one"

PERSONAL_DATA = PersonalData("registration", (
    *BACKBONE,
    PersonalTable("patrons", ("id", "name", "email", "phone", "library_card_number", "accessibility_needs",
                              "consent_to_contact", "card_status"),
                  "every personal field blanked; the row stays as a tombstone so counts add up", patron_column="id"),
    PersonalTable("registrations", ("patron_id", "cancel_reason"),
                  "upcoming ones cancelled; " + _ERASED_WITH_ROW, patron_column="patron_id"),
    PersonalTable("attendance", ("patron_id",), _ERASED_WITH_ROW, patron_column="patron_id",
                  retention=Retention("attendance_detail", "checked_in_at")),
    PersonalTable("feedback", ("patron_id", "liked_most", "could_be_better", "follow_up_comment"),
                  "free-text answers blanked; ratings stay for the programme's report", patron_column="patron_id",
                  retention=Retention("feedback", "submitted_at",
                                      action="liked_most = NULL, could_be_better = NULL, follow_up_comment = NULL",
                                      where="liked_most IS NOT NULL OR could_be_better IS NOT NULL "
                                            "OR follow_up_comment IS NOT NULL")),
    PersonalTable("incentive_awards", ("patron_id",), _ERASED_WITH_ROW, patron_column="patron_id"),
    PersonalTable("incentive_balances", ("patron_id",), _ERASED_WITH_ROW, patron_column="patron_id"),
    PersonalTable("series_registrations", ("patron_id", "cancel_reason"),
                  "active ones cancelled; " + _ERASED_WITH_ROW, patron_column="patron_id"),
    PersonalTable("self_registration_pauses", ("patron_id",), "deleted (a pause is about a person who is gone)",
                  patron_column="patron_id"),
    PersonalTable("appointment_slots", ("patron_id",),
                  "upcoming bookings reopened for others; past ones unlinked from the patron (the count stays)",
                  patron_column="patron_id"),
    PersonalTable("calendar_feeds", ("patron_id",), "deleted: the feed's address stops working",
                  patron_column="patron_id"),
), not_personal=(
    *BACKBONE_NOT_PERSONAL,
    NotPersonal("hosts", ("name",), "a branch or partner organization hosting sessions"),
    NotPersonal("sessions", ("devices_needed", "cancel_reason"), "about a session, not a person"),
    NotPersonal("appointment_slots", ("helper_name",),
                "the staff member or volunteer offering the help, by the name they work under; not a patron"),
    NotPersonal("self_registration_pauses", ("lifted_by",), "the staff member who lifted the pause"),
))
