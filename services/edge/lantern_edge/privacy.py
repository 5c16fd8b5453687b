"""Where the edge keeps personal data (hashes and idempotency replays): the coverage test and docs/privacy.md read this."""

from lantern_shared.personal import PersonalData, PersonalTable, Retention

PERSONAL_DATA = PersonalData("edge", (
    PersonalTable("idempotency_keys", ("principal", "body_hash", "body"),
                  "records whose replayed response names the patron, or made by the patron, are deleted at erasure",
                  retention=Retention("idempotency_records", "created_at")),
    PersonalTable("patron_cards", ("card_hash", "patron_id"), "deleted at erasure (a keyed hash of the card number)",
                  patron_column="patron_id"),
    PersonalTable("patron_emails", ("email_hash", "patron_id"), "deleted at erasure (a keyed hash of the address)",
                  patron_column="patron_id"),
    PersonalTable("patron_refresh_tokens", ("patron_id",), "revoked at erasure", patron_column="patron_id"),
    PersonalTable("guest_codes", ("email_hash",), "a keyed hash; expires with the code (ten minutes)"),
    PersonalTable("signin_failures", ("subject",), "a keyed card hash or a client address; expires with the lock"),
))
