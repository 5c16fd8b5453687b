"""Partnership status, agreements, referral outcomes and broadcasts: the rules staff work within."""

from datetime import date, datetime, UTC
from uuid import uuid4

import pytest
from pydantic import ValidationError

from lantern_shared.refusals import Refusal

from lantern_partners.domain.broadcasts import BroadcastMessage, broadcast_contact
from lantern_partners.domain.partnership import Agreement, AgreementTerms, check_status_change
from lantern_partners.domain.records import Contact, Partner, Service, first_name
from lantern_partners.domain.referrals import check_outcome, choose_need


@pytest.mark.parametrize("current, target", [("prospect", "active"), ("active", "lapsed"), ("lapsed", "active")])
def test_a_partnership_moves_from_prospect_to_active_to_lapsed_and_back(current, target):
    check_status_change(current, target, "agreement not renewed")


@pytest.mark.parametrize("current, target, reason", [
    ("prospect", "lapsed", "status_change_not_allowed"),
    ("active", "prospect", "status_change_not_allowed"),
    ("lapsed", "prospect", "status_change_not_allowed"),
    ("active", "active", "status_unchanged"),
])
def test_other_status_changes_are_refused_with_the_reason(current, target, reason):
    with pytest.raises(Refusal) as refused:
        check_status_change(current, target, "why")
    assert refused.value.reason == reason


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_a_lapse_needs_a_reason_because_the_partner_is_told_it(reason):
    with pytest.raises(Refusal, match="needs a reason"):
        check_status_change("active", "lapsed", reason)


def test_an_agreement_cannot_end_before_it_starts():
    with pytest.raises(ValidationError, match="ends_on must not be before starts_on"):
        AgreementTerms(kind="workspace", starts_on=date(2026, 5, 1), ends_on=date(2026, 4, 30), library_contact="Desk")


def test_an_agreement_covers_its_last_day_and_has_ended_the_day_after():
    agreement = Agreement(id=uuid4(), partner_id=uuid4(), signed_at=datetime.now(UTC), kind="programming",
                          starts_on=date(2026, 1, 1), ends_on=date(2026, 6, 30), library_contact="Desk")

    assert agreement.state(date(2025, 12, 31)) == "upcoming"
    assert agreement.state(date(2026, 6, 30)) == "active"
    assert agreement.state(date(2026, 7, 1)) == "ended"


def test_referral_outcomes_go_forward_and_a_served_or_declined_referral_is_closed():
    check_outcome("pending", "contacted")
    check_outcome("contacted", "served")
    check_outcome("pending", "declined")
    with pytest.raises(Refusal, match="already served"):
        check_outcome("served", "declined")
    with pytest.raises(Refusal, match="cannot become contacted"):
        check_outcome("contacted", "contacted")


def test_a_referral_is_for_a_need_the_service_meets_its_first_when_unsaid():
    resume = Service(name="Resume help", needs=["resume_help", "job_search"])

    assert choose_need(resume, None) == "resume_help"
    assert choose_need(resume, "job_search") == "job_search"
    with pytest.raises(Refusal, match="does not list 'housing'"):
        choose_need(resume, "housing")
    with pytest.raises(Refusal, match="say which need"):
        choose_need(Service(name="Misc"), None)


def test_only_the_first_name_of_a_patron_is_shared():
    assert first_name("Ana María Pérez") == "Ana"
    assert first_name("  Linh ") == "Linh"


def test_a_broadcast_is_written_in_the_same_languages_for_subject_and_body_including_the_fallback():
    BroadcastMessage(subject={"en": "Hi", "es": "Hola"}, body={"en": "Body", "es": "Cuerpo"}, fallback_language="en")
    with pytest.raises(ValidationError, match="same languages"):
        BroadcastMessage(subject={"en": "Hi"}, body={"en": "Body", "es": "Cuerpo"}, fallback_language="en")
    with pytest.raises(ValidationError, match="fallback language"):
        BroadcastMessage(subject={"en": "Hi"}, body={"en": "Body"}, fallback_language="es")


def test_a_broadcast_goes_to_the_contact_chosen_for_the_list_else_the_first_one():
    lee, rosa = Contact(name="Lee"), Contact(name="Rosa")
    partner = Partner(id=uuid4(), name="Food Bank", contacts=[lee, rosa])

    assert broadcast_contact(partner, rosa.id) == rosa
    assert broadcast_contact(partner, None) == lee
    assert broadcast_contact(partner, uuid4()) == lee, "a contact since removed from the record falls back to the first"
    assert broadcast_contact(Partner(id=uuid4(), name="Quiet"), None) is None


def test_a_record_naming_a_location_it_does_not_have_is_refused():
    with pytest.raises(ValidationError, match="names locations this organization does not have"):
        Partner(id=uuid4(), name="X", services=[Service(name="S", location_ids=[uuid4()])])


def test_the_service_refuses_to_start_in_a_time_zone_that_does_not_exist():
    from lantern_partners.settings import PartnersSettings

    assert PartnersSettings(internal_token="t", db_password="p", timezone="America/Chicago").timezone == "America/Chicago"
    with pytest.raises(ValidationError, match="must be an IANA time zone"):
        PartnersSettings(internal_token="t", db_password="p", timezone="Mars/Olympus")
