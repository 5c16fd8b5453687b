"""Where notifications keeps personal data: erasure, export and retention read this (lantern_shared.personal)."""

from lantern_shared.personal import BACKBONE, BACKBONE_NOT_PERSONAL, NotPersonal, PersonalData, PersonalTable, Retention

PERSONAL_DATA = PersonalData("notifications", (
    *BACKBONE,
    PersonalTable("recipients", ("id", "name", "email", "phone", "consent_to_contact", "email_invalid_at",
                                 "phone_invalid_at"),
                  "deleted (preferences and in-app messages go with it)", patron_column="id"),
    PersonalTable("preferences", ("recipient_id",), "deleted with the recipient", patron_column="recipient_id"),
    PersonalTable("sms_consent", ("recipient_id", "phone"), "deleted with the recipient", patron_column="recipient_id"),
    PersonalTable("inbox_messages", ("recipient_id", "subject", "body"), "deleted with the recipient",
                  patron_column="recipient_id", retention=Retention("inbox_messages", "created_at")),
    PersonalTable("deliveries", ("recipient_id", "about_patron_id", "render_data", "reason"),
                  "scheduled ones cancelled; every one unlinked and its message data dropped (counts stay)",
                  patron_column=("recipient_id", "about_patron_id"),
                  retention=Retention("delivery_log", "created_at",
                                      action="recipient_id = NULL, about_patron_id = NULL, render_data = NULL",
                                      where="status <> 'scheduled' AND (recipient_id IS NOT NULL "
                                            "OR about_patron_id IS NOT NULL OR render_data IS NOT NULL)")),
    PersonalTable("registrations", ("patron_id", "place_name"), "deleted", patron_column="patron_id"),
    PersonalTable("loans", ("borrower_kind", "borrower_id"), "deleted", patron_column="borrower_id"),
), not_personal=(
    *BACKBONE_NOT_PERSONAL,
    NotPersonal("partners", ("name",), "a partner organization's name"),
))
