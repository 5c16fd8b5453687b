"""The long-loan programme on the real database and broker: the waiting list runs by priority then application time,
offers go out in exactly that order, a lapsed offer passes to the next applicant, and concurrent offers never give
one unit twice."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from lantern_devices.handlers import offers as offering
from tests.support import metric_value

from .conftest import LOANS

APPLICATIONS = "lantern.devices.applications"
KIND = "chromebook"
RULES = {
    "eligible_postcodes": [], "only_without_internet": False, "min_household_size": 1,
    "points_referred_by_partner": 5, "points_no_internet_at_home": 3, "points_underserved_area": 2,
    "underserved_postcodes": ["97220", "97233"], "pickup_days": 3, "loan_days": 90, "max_renewals": 1,
}


async def programme(library, **rules) -> None:
    """A Chromebook programme with these rules, and no one else's units, applications or offers in the way."""
    await library.only_these_units(KIND)
    async with library.app.state.runtime.pool.acquire() as conn:
        await conn.execute("UPDATE application_offers SET status = 'withdrawn', closed_at = now() "
                           "WHERE device_kind = $1 AND status = 'open'", KIND)
        await conn.execute("UPDATE applications SET status = 'withdrawn', closed_at = now() "
                           "WHERE device_kind = $1 AND status IN ('waiting', 'offered')", KIND)
    answer = await library.client.put(f"/internal/v1/programme-rules/{KIND}", json=RULES | rules,
                                      headers={"X-Lantern-Actor": "staff:ana"})
    assert answer.status_code == 200, answer.text


async def apply(library, patron, *, actor: str = "patron:x", expect: int = 201, **form) -> dict:
    body = {"patron_id": str(patron), "device_kind": KIND, "need": "job_search", "internet_at_home": True,
            "household_size": 2, "preferred_language": "en"} | form
    answer = await library.client.post("/internal/v1/applications", json=body, headers={"X-Lantern-Actor": actor})
    assert answer.status_code == expect, answer.text
    return answer.json()


async def offer(library, count: int = 1) -> list[dict]:
    answer = await library.client.post("/internal/v1/offers", json={"device_kind": KIND, "count": count})
    assert answer.status_code == 201, answer.text
    return answer.json()


async def test_offers_go_out_in_exactly_the_order_of_priority_then_application_time(library):
    await programme(library)
    partner = await library.partner()
    patrons = await library.enrolled_patrons(7)
    start = datetime.now(UTC)
    forms = [  # (form, score): referred 5, no internet 3, underserved area 2
        ({"internet_at_home": True, "postcode": "97201"}, 0),
        ({"internet_at_home": False, "postcode": "97220"}, 5),
        ({"referring_partner_id": str(partner), "internet_at_home": True, "applicant_consented": True}, 5),
        ({"internet_at_home": False}, 3),
        ({"referring_partner_id": str(partner), "internet_at_home": False, "postcode": "97233",
          "applicant_consented": True}, 10),
        ({"internet_at_home": True, "postcode": " 97233 "}, 2),
        ({"internet_at_home": False, "postcode": "97220"}, 5),
    ]
    applied = []
    for minute, (patron, (form, score)) in enumerate(zip(patrons, forms)):
        library.set_clock(start + timedelta(minutes=minute))
        by = f"partner:{partner}" if "referring_partner_id" in form else "patron:x"
        application = await apply(library, patron, actor=by, **form)
        assert application["priority"] == score
        applied.append(application["id"])
    # Highest score first; equal scores by application time: 10, then the three 5s as they came, 3, 2, 0.
    expected = [applied[i] for i in (4, 1, 2, 6, 3, 5, 0)]

    listed = (await library.client.get("/internal/v1/applications/waiting-list", params={"device_kind": KIND})).json()
    assert [a["id"] for a in listed] == expected
    assert [a["position"] for a in listed] == [1, 2, 3, 4, 5, 6, 7]
    assert (await library.client.get(f"/internal/v1/applications/{applied[0]}")).json()["position"] == 7

    units = [await library.device(KIND, home_branch="gresham") for _ in range(5)]
    made = await offer(library, count=2) + await offer(library, count=1) + await offer(library, count=2)

    assert [o["application_id"] for o in made] == expected[:5], "offers follow the waiting list exactly"
    assert sorted(o["device_id"] for o in made) == sorted(u["id"] for u in units)
    for o in made:
        event = (await library.published(APPLICATIONS, o["application_id"], type="lantern.application.offered"))[0]
        assert event["data"]["offer_id"] == o["id"] and event["data"]["pickup_branch"] == "gresham"
        assert datetime.fromisoformat(event["data"]["pickup_until"]) == start + timedelta(minutes=6, days=3)
    still = (await library.client.get("/internal/v1/applications/waiting-list", params={"device_kind": KIND})).json()
    assert [a["id"] for a in still] == expected[5:]
    none_left = await library.client.post("/internal/v1/offers", json={"device_kind": KIND})
    assert none_left.status_code == 409 and none_left.json()["reason"] == "none_available"


async def test_a_lapsed_offer_passes_to_the_next_applicant_who_picks_up_and_the_referring_partner_hears(library):
    await programme(library)
    partner = await library.partner()
    first, second, third = await library.enrolled_patrons(3)
    start = datetime.now(UTC)
    library.set_clock(start)
    a1 = await apply(library, first, internet_at_home=False, preferred_language="vi")
    a2 = await apply(library, second, referring_partner_id=str(partner), partner_may_be_told=True,
                     applicant_consented=True, actor=f"partner:{partner}")
    a3 = await apply(library, third, postcode="97201")
    assert [a1["priority"], a2["priority"], a3["priority"]] == [3, 5, 0]
    assert a2["submitted_by"] == "partner"
    chromebook = await library.device(KIND)

    [made] = await offer(library)
    assert made["application_id"] == a2["id"]
    assert await library.state_of(chromebook["id"]) == "reserved"
    taken = await library.client.post("/internal/v1/loans", json={"borrower_id": str(first), "device_id": chromebook["id"]})
    assert taken.status_code == 409, "an offered unit is not lent to anyone else"

    pickup_until = datetime.fromisoformat(made["pickup_until"])
    assert await offering.lapse_offers(library.deps, pickup_until - timedelta(minutes=1)) == 0
    assert await offering.lapse_offers(library.deps, pickup_until + timedelta(minutes=1)) == 1
    assert await offering.lapse_offers(library.deps, pickup_until + timedelta(minutes=2)) == 0

    lapsed = await library.published(APPLICATIONS, a2["id"], type="lantern.application.offer_lapsed")
    assert [e["data"]["offer_id"] for e in lapsed] == [made["id"]]
    assert (await library.client.get(f"/internal/v1/applications/{a2['id']}")).json()["status"] == "lapsed"
    passed = (await library.published(APPLICATIONS, a1["id"], type="lantern.application.offered"))[0]["data"]
    assert passed["preferred_language"] == "vi"
    [open_offer] = (await library.client.get("/internal/v1/offers",
                                             params={"application_id": a1["id"], "status": "open"})).json()["items"]
    assert open_offer["device_id"] == chromebook["id"]
    assert await library.state_of(chromebook["id"]) == "reserved"
    assert (await library.client.get(f"/internal/v1/applications/{a3['id']}")).json()["position"] == 1, "third waits"

    library.set_clock(pickup_until + timedelta(hours=1))
    loan = await library.client.post(f"/internal/v1/offers/{open_offer['id']}/acceptance",
                                     headers={"X-Lantern-Actor": "staff:ana"})
    assert loan.status_code == 201, loan.text
    loan = loan.json()
    assert loan["borrower_id"] == str(first) and loan["application_id"] == a1["id"]
    assert datetime.fromisoformat(loan["due_at"]) == pickup_until + timedelta(hours=1, days=90)
    served = (await library.published(APPLICATIONS, a1["id"], type="lantern.application.served"))[0]["data"]
    assert served["loan_id"] == loan["id"] and served["referring_partner_id"] is None, "not referred"
    assert (await library.published(LOANS, loan["id"], type="lantern.loan.started"))
    again = await library.client.post(f"/internal/v1/offers/{open_offer['id']}/acceptance")
    assert again.status_code == 409 and again.json()["reason"] == "offer_closed"

    renewed = await library.client.post(f"/internal/v1/loans/{loan['id']}/renew")
    assert renewed.status_code == 200, renewed.text
    assert datetime.fromisoformat(renewed.json()["due_at"]) == datetime.fromisoformat(loan["due_at"]) + timedelta(days=90)
    refused = await library.client.post(f"/internal/v1/loans/{loan['id']}/renew")
    assert refused.status_code == 409 and refused.json()["reason"] == "renewal_limit"


async def test_the_referring_partner_is_named_when_the_person_they_referred_is_served_with_consent(library):
    await programme(library)
    partner = await library.partner()
    patron = await library.enrolled_patron()
    application = await apply(library, patron, referring_partner_id=str(partner), partner_may_be_told=True,
                              applicant_consented=True, actor=f"partner:{partner}")
    await library.device(KIND)
    [made] = await offer(library)
    accepted = await library.client.post(f"/internal/v1/offers/{made['id']}/acceptance")
    assert accepted.status_code == 201, accepted.text

    served = (await library.published(APPLICATIONS, application["id"], type="lantern.application.served"))[0]["data"]
    assert served["referring_partner_id"] == str(partner)


async def test_concurrent_offers_never_give_one_device_twice(library):
    await programme(library)
    patrons = await library.enrolled_patrons(8)
    for patron in patrons:
        await apply(library, patron)
    units = {(await library.device(KIND))["id"] for _ in range(3)}

    answers = await asyncio.gather(*[
        library.client.post("/internal/v1/offers", json={"device_kind": KIND, "count": 2}) for _ in range(6)])

    made = [o for a in answers if a.status_code == 201 for o in a.json()]
    assert {a.status_code for a in answers} <= {201, 409}
    assert len(made) == 3
    assert {o["device_id"] for o in made} == units
    assert len({o["application_id"] for o in made}) == 3
    await library.deps.metrics.refresh(library.app.state.runtime.pool, datetime.now(UTC))
    registry = library.app.state.runtime.metrics.registry
    assert metric_value(registry, "lantern_devices_applications_open", {"kind": KIND, "status": "offered"}) == 3
    assert metric_value(registry, "lantern_devices_applications_open", {"kind": KIND, "status": "waiting"}) == 5
    async with library.app.state.runtime.pool.acquire() as conn:
        rows = await conn.fetch("SELECT device_id FROM application_offers WHERE device_kind = $1 AND status = 'open'",
                                KIND)
        assert sorted(str(r["device_id"]) for r in rows) == sorted(units)
        with pytest.raises(asyncpg.UniqueViolationError):  # the database's last word, whatever the code does
            waiting = await conn.fetchval("SELECT id FROM applications WHERE device_kind = $1 AND status = 'waiting' "
                                          "LIMIT 1", KIND)
            await conn.execute(
                """INSERT INTO application_offers (id, application_id, device_id, device_kind, pickup_branch,
                                                   offered_at, pickup_until, status)
                   VALUES ($1, $2, $3, $4, 'central', now(), now() + interval '1 day', 'open')""",
                uuid.uuid4(), waiting, uuid.UUID(made[0]["device_id"]), KIND)


async def test_applications_the_rules_refuse_say_why(library):
    await programme(library, eligible_postcodes=["97201", "97220"], only_without_internet=True)
    partner = await library.partner()
    patron = await library.enrolled_patron()

    outside = await apply(library, patron, expect=409, internet_at_home=False, postcode="10001")
    assert outside["reason"] == "outside_programme_area"
    online = await apply(library, patron, expect=409, internet_at_home=True, postcode="97201")
    assert online["reason"] == "has_internet_at_home"
    no_consent = await apply(library, patron, expect=422, internet_at_home=False, postcode="97201",
                             referring_partner_id=str(partner), actor=f"partner:{partner}")
    assert no_consent["reason"] == "consent_required"
    self_named = await apply(library, await library.enrolled_patron(), internet_at_home=False, postcode="97201",
                             referring_partner_id=str(partner))
    assert self_named["priority"] == 3 and self_named["referring_partner_id"] == str(partner), \
        "a patron naming a partner is counted as referred by it, but only the partner's own form earns the points"
    assert await apply(library, patron, internet_at_home=False, postcode="97201")
    twice = await apply(library, patron, expect=409, internet_at_home=False, postcode="97201")
    assert twice["reason"] == "already_applied"


async def test_the_report_counts_applications_offers_loans_and_waits_by_area_language_and_referrer(library):
    await programme(library)
    partner = await library.partner()
    first, second = await library.enrolled_patrons(2)
    area = f"9{uuid.uuid4().int % 10**4:04d}"  # a postcode no other test uses
    start = datetime.now(UTC)
    library.set_clock(start)
    a1 = await apply(library, first, postcode=area, preferred_language="ru", referring_partner_id=str(partner))
    library.set_clock(start + timedelta(minutes=1))  # the test clock stands still: the second applies later
    await apply(library, second, postcode=area, preferred_language="ru")
    library.set_clock(start)
    await library.device(KIND)
    [made] = await offer(library)
    assert made["application_id"] == a1["id"]
    library.set_clock(start + timedelta(days=2))
    assert (await library.client.post(f"/internal/v1/offers/{made['id']}/acceptance")).status_code == 201

    report = (await library.client.get("/internal/v1/applications/report",
                                       params={"since": start.isoformat(), "device_kind": KIND})).json()
    [by_area] = [r for r in report["by_area"] if r["key"] == area]
    assert by_area == {"key": area, "applications": 2, "waiting": 1, "offers": 1, "lapsed_offers": 0, "loans": 1,
                       "average_wait_days": 2.0}
    [by_referrer] = [r for r in report["by_referral_source"] if r["key"] == str(partner)]
    assert (by_referrer["applications"], by_referrer["loans"]) == (1, 1)
    assert any(r["key"] == "ru" and r["applications"] >= 2 for r in report["by_language"])


async def test_an_erased_applicant_leaves_the_list_and_their_offered_unit_passes_on(library):
    await programme(library)
    first, second = await library.enrolled_patrons(2)
    a1 = await apply(library, first, internet_at_home=False)
    a2 = await apply(library, second)
    chromebook = await library.device(KIND)
    [made] = await offer(library)
    assert made["application_id"] == a1["id"]

    await library.erase(first)

    gone = (await library.client.get(f"/internal/v1/applications/{a1['id']}")).json()
    assert gone["status"] == "withdrawn" and gone["patron_id"] is None
    passed = (await library.published(APPLICATIONS, a2["id"], type="lantern.application.offered"))[0]["data"]
    assert passed["patron_id"] == str(second)
    assert await library.state_of(chromebook["id"]) == "reserved"
