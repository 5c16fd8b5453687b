"""Sealing personal fields (crypto-shredding), without a database: a key store in memory stands in for the real one."""

import json
import uuid

import pytest
from pydantic import BaseModel

from lantern_partners.events import REFERRAL_CREATED, ReferralCreated, SharedWithPartner
from lantern_registration.events import PATRON_ENROLLED, PatronEnrolled
from lantern_shared.outbox import Outbox
from lantern_shared.refusals import Refusal
from lantern_shared.sealing import PREFIX, KeyStore, Shredded, is_sealed, open_sealed, patron_subject, seal


class KeysInMemory(KeyStore):
    def __init__(self) -> None:
        super().__init__("memory")
        self.keys: dict[str, bytes | None] = {}

    async def key_for_sealing(self, subject: str) -> bytes:
        if subject not in self.keys:
            self.keys[subject] = bytes(range(32)) if not self.keys else uuid.uuid4().bytes * 2
        key = self.keys[subject]
        if key is None:
            raise Shredded(subject)
        return key

    async def key_for_opening(self, subject: str) -> bytes:
        key = self.keys.get(subject)
        if key is None:
            raise Shredded(subject)
        return key

    async def destroy(self, subject: str) -> None:
        self.keys[subject] = None


def enrolment(patron_id: uuid.UUID) -> PatronEnrolled:
    return PatronEnrolled(patron_id=patron_id, name="Ana Pérez", email="ana@example.org", phone=None,
                          preferred_language="es", consent_to_contact=True, consent_to_referral=True)


async def test_personal_fields_are_sealed_and_open_again_with_the_key():
    keys, patron_id = KeysInMemory(), uuid.uuid4()
    sealed = await seal(keys, PATRON_ENROLLED, enrolment(patron_id).model_dump(mode="json"))
    assert "Ana" not in json.dumps(sealed) and "ana@example.org" not in json.dumps(sealed)
    assert sealed["preferred_language"] == "es" and sealed["phone"] is None and is_sealed(sealed)
    assert await open_sealed(keys, sealed) == enrolment(patron_id).model_dump(mode="json")


async def test_nested_personal_fields_of_a_referral_are_sealed():
    keys, patron_id = KeysInMemory(), uuid.uuid4()
    referral = ReferralCreated(referral_id=uuid.uuid4(), patron_id=patron_id, partner_id=uuid.uuid4(),
                               service_id=uuid.uuid4(), service_name="SNAP", need="benefits",
                               shared_with_partner=SharedWithPartner(first_name="Ana", email="ana@example.org"))
    sealed = await seal(keys, REFERRAL_CREATED, referral.model_dump(mode="json"))
    assert sealed["shared_with_partner"]["first_name"].startswith(PREFIX)
    assert sealed["service_name"] == "SNAP"
    assert (await open_sealed(keys, sealed))["shared_with_partner"]["email"] == "ana@example.org"


async def test_after_the_key_is_destroyed_nothing_opens_and_nothing_new_is_sealed():
    keys, patron_id = KeysInMemory(), uuid.uuid4()
    sealed = await seal(keys, PATRON_ENROLLED, enrolment(patron_id).model_dump(mode="json"))
    await keys.destroy(patron_subject(patron_id))
    with pytest.raises(Shredded):
        await open_sealed(keys, sealed)
    with pytest.raises(Shredded):
        await seal(keys, PATRON_ENROLLED, enrolment(patron_id).model_dump(mode="json"))


async def test_a_tampered_value_is_refused_not_opened():
    keys, patron_id = KeysInMemory(), uuid.uuid4()
    sealed = await seal(keys, PATRON_ENROLLED, enrolment(patron_id).model_dump(mode="json"))
    forged = sealed | {"name": sealed["name"][:-6] + "AAAAA="}
    with pytest.raises(ValueError, match="does not open"):
        await open_sealed(keys, forged)


async def test_the_outbox_writes_personal_events_sealed_and_refuses_to_prepare_them_unsealed():
    keys, patron_id = KeysInMemory(), uuid.uuid4()
    outbox = Outbox("/lantern/registration", keys)
    with pytest.raises(TypeError, match="personal data"):
        outbox.prepare(PATRON_ENROLLED, enrolment(patron_id), key=str(patron_id))

    class Conn:
        written: list[bytes] = []

        def is_in_transaction(self) -> bool:
            return True

        async def execute(self, _sql: str, *args: object) -> None:
            self.written.append(args[-1])  # type: ignore[arg-type]  # the payload is the last parameter

    conn = Conn()
    await outbox.add(conn, PATRON_ENROLLED, enrolment(patron_id), key=str(patron_id))  # type: ignore[arg-type]  # a stand-in connection
    payload = conn.written[-1]
    assert b"Ana" not in payload and PREFIX.encode() in payload
    await keys.destroy(patron_subject(patron_id))
    with pytest.raises(Refusal) as refused:
        await outbox.add(conn, PATRON_ENROLLED, enrolment(patron_id), key=str(patron_id))  # type: ignore[arg-type]  # a stand-in connection
    assert refused.value.reason == "patron_erased"


def test_every_published_contract_with_contact_fields_declares_them_personal():
    """A contract whose data has a name, email or phone field seals them (or says why not here)."""
    from lantern_devices.events import PUBLISHED as DEVICES
    from lantern_notifications.events import PUBLISHED as NOTIFICATIONS
    from lantern_partners.events import PUBLISHED as PARTNERS
    from lantern_registration.events import PUBLISHED as REGISTRATION

    about_organizations = {"lantern.partner.registered", "lantern.partner.updated", "lantern.partner.activated",
                           "lantern.partner.lapsed", "lantern.broadcast.requested", "lantern.agreement.signed",
                           "lantern.agreement.ended",
                           # a partner contact's proposed change to the organization's record: `name` is the organization's
                           "lantern.partner.change_proposed", "lantern.partner.change_reviewed"}

    def contact_fields(model: type[BaseModel], prefix: str = "") -> set[str]:
        found = set()
        for name, info in model.model_fields.items():
            inner = info.annotation
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                found |= contact_fields(inner, f"{prefix}{name}.")
            elif name in {"name", "first_name", "email", "phone", "library_card_number"}:
                found.add(prefix + name)
        return found

    places = {"place.name"}  # a session's place (a branch or a partner site), not a person
    unsealed = {c.type: contact_fields(c.model) - set(c.personal) - places
                for c in [*REGISTRATION, *DEVICES, *PARTNERS, *NOTIFICATIONS] if c.type not in about_organizations}
    assert {t: f for t, f in unsealed.items() if f} == {}
