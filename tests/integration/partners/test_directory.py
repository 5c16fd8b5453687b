"""The referral directory staff search to refer people: by need, language, place, age and opening hours, best first."""

from datetime import datetime
from zoneinfo import ZoneInfo

from .records import location, partner_record, service

COLUMBUS = (39.9612, -82.9988)


async def register(client, record: dict) -> dict:
    answer = await client.post("/internal/v1/partners", json=record)
    assert answer.status_code == 201, answer.text
    return answer.json()


async def search(client, **params) -> list[str]:
    answer = await client.get("/internal/v1/directory/services", params=params)
    assert answer.status_code == 200, answer.text
    return [hit["service_name"] for hit in answer.json()["items"]]


async def test_search_by_need_and_language_ranks_needs_met_then_language_then_distance_then_freshness(client, unique):
    need, also = f"digital_{unique}", f"devices_{unique}"
    near = location("43215", lat=39.965, lon=-82.995)  # under 1 km from the asker
    far = location("43081", lat=40.126, lon=-82.929)  # about 19 km away
    await register(client, partner_record(f"Tech Hub {unique}", locations=[near, far], services=[
        service("English class, old record", [need], languages=["en"], verified_on="2026-01-15"),
        service("Spanish lab nearby", [need], languages=["es"], location_ids=[near["id"]]),
        service("Mexican-Spanish lab far away", [need], languages=["es-MX"], location_ids=[far["id"]]),
        service("English class, fresh record", [need], languages=["en"], verified_on="2026-06-01"),
        service("Laptops and lessons", [need, also], languages=["en"]),
        service("Unrelated food pantry", [f"food_{unique}"], languages=["es"]),
        service("Closed lab", [need], languages=["es"], status="inactive"),
    ]))

    found = await search(client, need=[need, also], language="es", lat=COLUMBUS[0], lon=COLUMBUS[1])

    assert found == [
        "Laptops and lessons",  # meets both needs asked for
        "Spanish lab nearby",  # offers the language, nearest
        "Mexican-Spanish lab far away",  # offers the language (es-MX serves es), farther
        "English class, fresh record",  # then the most recently verified
        "English class, old record",
    ]


async def test_search_pages_follow_one_another_without_gaps_or_repeats(client, unique):
    need = f"resume_{unique}"
    await register(client, partner_record(f"Career Co {unique}", services=[
        service(f"Service {i}", [need], languages=["en"], verified_on=f"2026-0{i}-01") for i in range(1, 8)
    ]))

    seen, cursor = [], None
    while True:
        params = {"need": need, "limit": 3} | ({"cursor": cursor} if cursor else {})
        page = (await client.get("/internal/v1/directory/services", params=params)).json()
        seen += [hit["service_name"] for hit in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert seen == [f"Service {i}" for i in range(7, 0, -1)], "freshest first, each once"


async def test_search_filters_by_postal_code_distance_age_and_opening_hours(client, clock_at, unique):
    need = f"benefits_{unique}"
    downtown = location("43215", lat=39.962, lon=-82.999)
    suburb = location("43017", lat=40.099, lon=-83.114)
    weekday_hours = [{"byday": ["MO", "TU", "WE", "TH", "FR"], "opens_at": "09:00", "closes_at": "17:00"}]
    await register(client, partner_record(f"Benefits Bureau {unique}", kind="government", locations=[downtown, suburb],
                                          services=[
        service("Downtown desk", [need], location_ids=[downtown["id"]], schedules=weekday_hours),
        service("Suburb desk for seniors", [need], location_ids=[suburb["id"]], minimum_age=60),
    ]))

    assert await search(client, need=need, postal_code="43 017") == ["Suburb desk for seniors"]
    assert await search(client, need=need, lat=COLUMBUS[0], lon=COLUMBUS[1], radius_km=5) == ["Downtown desk"]
    assert await search(client, need=need, age=30) == ["Downtown desk"]
    clock_at(datetime(2026, 11, 24, 10, 30, tzinfo=ZoneInfo("UTC")))  # a Tuesday morning
    assert await search(client, need=need, open_now="true") == ["Downtown desk"]
    clock_at(datetime(2026, 11, 28, 10, 30, tzinfo=ZoneInfo("UTC")))  # a Saturday
    assert await search(client, need=need, open_now="true") == []


async def test_a_radius_without_coordinates_is_a_problem_naming_the_fields(client):
    answer = await client.get("/internal/v1/directory/services", params={"radius_km": 5})

    assert answer.status_code == 422
    assert {e["field"] for e in answer.json()["errors"]} == {"lat", "lon"}


async def test_records_not_verified_within_the_period_are_listed_as_overdue(client, clock_at, unique):
    partner = await register(client, partner_record(f"Freshness {unique}", services=[
        service(f"Checked last week {unique}", ["health"], verified_on="2026-11-15"),
        service(f"Checked last year {unique}", ["health"], verified_on="2025-11-01"),
        service(f"Never checked {unique}", ["health"]),
    ]))
    clock_at(datetime(2026, 11, 22, 12, tzinfo=ZoneInfo("UTC")))

    async def overdue_names() -> list[str]:
        params = {"older_than_days": 90, "partner_id": partner["id"]}
        return [i["service_name"] for i in (await client.get("/internal/v1/directory/overdue", params=params)).json()["items"]]

    assert await overdue_names() == [f"Never checked {unique}", f"Checked last year {unique}"]

    stale = next(s for s in partner["services"] if s["name"] == f"Checked last year {unique}")
    answer = await client.post(f"/internal/v1/services/{stale['id']}/verification")
    assert answer.json()["verified_on"] == "2026-11-22"
    assert await overdue_names() == [f"Never checked {unique}"]


async def test_an_incomplete_record_is_refused_naming_each_field_and_nothing_is_registered(client, unique):
    record = partner_record(f"Incomplete {unique}", kind="library")
    record["contacts"][0]["email"] = "dana-at-eastside"
    record["locations"] = [{"kind": "virtual", "name": "Online"}]

    answer = await client.post("/internal/v1/partners", json=record)

    assert answer.status_code == 422
    fields = {e["field"] for e in answer.json()["errors"]}
    assert {"kind", "contacts.0.email", "locations.0"} <= fields
    listed = (await client.get("/internal/v1/partners", params={"q": f"Incomplete {unique}"})).json()
    assert listed["items"] == []


async def test_a_cursor_this_api_did_not_issue_is_a_problem_naming_the_cursor(client):
    import base64
    import json

    forged = base64.urlsafe_b64encode(json.dumps(["x", "y"]).encode()).decode().rstrip("=")
    for path in ("/internal/v1/directory/services", "/internal/v1/partners", "/internal/v1/referrals",
                 "/internal/v1/agreements", "/internal/v1/directory/overdue"):
        answer = await client.get(path, params={"cursor": forged})
        assert answer.status_code == 422, path
        assert answer.json()["errors"] == [{"field": "cursor", "message": "cursor is not one this API issued"}]


async def test_organizations_saved_before_the_search_rows_existed_are_found_once_the_backfill_has_run(app, client, unique):
    from lantern_partners.handlers import directory

    need = f"backfill_{unique}"
    downtown = location("43215", lat=39.962, lon=-82.999)
    partner = await register(client, partner_record(f"Old Record {unique}", locations=[downtown], services=[
        service("Computer class", [need], location_ids=[downtown["id"]])]))
    async with app.state.runtime.pool.acquire() as conn:  # as an upgrade finds it: no search rows yet
        await conn.execute("DELETE FROM service_places WHERE organization_id = $1", partner["id"])
        await conn.execute("UPDATE services SET search = ''::tsvector WHERE organization_id = $1", partner["id"])
        await conn.execute("UPDATE organizations SET indexed_at = NULL WHERE id = $1", partner["id"])
    assert await search(client, need=need, lat=COLUMBUS[0], lon=COLUMBUS[1], radius_km=5) == []

    while await directory.backfill(app.state.deps):
        pass

    assert await search(client, need=need, lat=COLUMBUS[0], lon=COLUMBUS[1], radius_km=5) == ["Computer class"]
    assert await search(client, q=f"computer old record {unique}") == ["Computer class"]


async def test_search_words_are_never_read_as_query_operators(client, unique):
    await register(client, partner_record(f"Literacy {unique}", services=[service("Reading circle", ["education"])]))

    for text in ("a⑴", "it's", "x\\y", "(a | b) & !c:*", "½ ™"):
        answer = await client.get("/internal/v1/directory/services", params={"q": text})
        assert answer.status_code == 200, (text, answer.text)
        hsds = await client.get("/internal/v1/openreferral/services", params={"search": text})
        assert hsds.status_code == 200, (text, hsds.text)
    assert await search(client, q=f"reading {unique}") == ["Reading circle"]


async def test_a_first_page_ranked_among_the_nearest_is_the_page_the_full_ranking_gives(app, client, unique):
    from lantern_partners.domain.directory import DirectoryQuery
    from lantern_partners.store import directory

    need = f"nearest_{unique}"
    places = [location("43215", lat=39.962, lon=-82.999), location("43202", lat=40.016, lon=-83.014),
              location("43017", lat=40.099, lon=-83.114)]
    # Twelve services at three places: many share a distance exactly, so ties decide the page's edge.
    await register(client, partner_record(f"Ties {unique}", locations=places, services=[
        service(f"Service {i}", [need], languages=["es"] if i % 3 == 0 else ["en"], location_ids=[places[i % 3]["id"]],
                verified_on=f"2026-{1 + i % 5:02d}-01") for i in range(12)]))
    now = datetime(2026, 11, 24, 10, 30, tzinfo=ZoneInfo("UTC"))

    async with app.state.runtime.pool.acquire() as conn:
        nearby = await directory._first_page_radius(conn, DirectoryQuery(needs=[need], near=COLUMBUS), now, 5)
        assert nearby is not None and nearby < 20, "the nearest-first walk is what is being compared"
        for language in (None, "es"):
            query = DirectoryQuery(needs=[need], language=language, near=COLUMBUS)
            for limit in range(1, 10):
                fast = await directory.search(conn, query, now, after=None, limit=limit)
                full = await directory.search(conn, query, now, after=None, limit=limit, nearest_first=False)
                assert [r.service_id for r in fast] == [r.service_id for r in full], (language, limit)
