"""The HSDS 3.0 read API other directories use: every response validates against the HSDS 3.0 schemas, and the
OpenAPI's filters (search, page, per_page, taxonomy_term_id, taxonomy_id, organization_id, modified_after,
postcode, proximity) narrow it as described."""

from datetime import datetime, timedelta, timezone

from .hsds_schemas import page_problems, problems
from .records import location, partner_record, service

API = "/internal/v1/openreferral"


async def a_directory_entry(client, unique: str) -> dict:
    downtown = location("43215", lat=39.9612, lon=-82.9988)
    clintonville = location("43202", lat=40.0160, lon=-83.0140)  # about 6.2 km north
    dublin = location("43017", lat=40.0992, lon=-83.1141)  # about 18 km away
    record = partner_record(f"Café Numérique {unique}", locations=[downtown, clintonville, dublin], services=[
        service(f"Atelier d'informatique {unique}", [f"digital_{unique}"], languages=["fr", "en"],
                location_ids=[downtown["id"], clintonville["id"]], verified_on="2026-10-01",
                schedules=[{"byday": ["MO", "WE"], "opens_at": "10:00", "closes_at": "12:00"}]),
        service(f"Hotspot lending {unique}", [f"devices_{unique}"], location_ids=[dublin["id"]]),
    ])
    answer = await client.post("/internal/v1/partners", json=record)
    assert answer.status_code == 201, answer.text
    return answer.json()


async def get(client, path: str, **params) -> dict:
    answer = await client.get(API + path, params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()


async def test_services_are_paged_hsds_service_lists_and_each_one_a_valid_nested_hsds_service(client, unique):
    partner = await a_directory_entry(client, unique)

    listed = await get(client, "/services", organization_id=partner["id"], per_page=1)
    assert page_problems(listed, "service_list") == []
    assert (listed["total_items"], listed["total_pages"], listed["size"], listed["first_page"], listed["last_page"]) == \
        (2, 2, 1, True, False)
    second = await get(client, "/services", organization_id=partner["id"], per_page=1, page=2)
    assert second["last_page"] is True and second["contents"][0]["id"] != listed["contents"][0]["id"]

    one = await get(client, f"/services/{partner['services'][0]['id']}")
    assert problems(one, "service") == []
    assert one["organization"]["name"] == f"Café Numérique {unique}" and one["assured_date"] == "2026-10-01"
    assert len(one["service_at_locations"]) == 2 and all("location" in sal for sal in one["service_at_locations"])
    assert "contacts" not in one and "Dana" not in str(one), "partner contacts are people: not published"


async def test_search_is_full_text_accent_blind_and_filters_combine(client, unique):
    partner = await a_directory_entry(client, unique)

    found = await get(client, "/services", search=f"informatique {unique}")
    assert [s["name"] for s in found["contents"]] == [f"Atelier d'informatique {unique}"]
    assert (await get(client, "/services", search=f"cafe numerique {unique}"))["total_items"] == 2, \
        "the organization's name is searched too, accents ignored"
    assert (await get(client, "/services", search=f"atel {unique}"))["total_items"] == 1, "words match as prefixes"
    later = (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()
    assert (await get(client, "/services", organization_id=partner["id"], modified_after=later))["empty"] is True
    earlier = (datetime.now(timezone.utc) - timedelta(hours=1)).isoformat()
    assert (await get(client, "/services", organization_id=partner["id"], modified_after=earlier))["total_items"] == 2


async def test_the_taxonomy_is_published_and_its_term_ids_filter_services(client, unique):
    partner = await a_directory_entry(client, unique)

    taxonomies = await get(client, "/taxonomies")
    assert page_problems(taxonomies, "taxonomy") == []
    needs = next(t for t in taxonomies["contents"] if t["name"] == "lantern-needs")
    terms = await get(client, "/taxonomy_terms", taxonomy_id=needs["id"], search=unique)
    assert page_problems(terms, "taxonomy_term") == []
    term = next(t for t in terms["contents"] if t["code"] == f"devices_{unique}")
    assert problems(await get(client, f"/taxonomy_terms/{term['id']}"), "taxonomy_term") == []

    found = await get(client, "/services", taxonomy_term_id=term["id"])
    assert [s["name"] for s in found["contents"]] == [f"Hotspot lending {unique}"]
    by_taxonomy = await get(client, "/services", taxonomy_id=needs["id"], organization_id=partner["id"])
    assert by_taxonomy["total_items"] == 2
    assert (await get(client, "/services", taxonomy_term_id="no-such-term"))["empty"] is True


async def test_organizations_are_listed_and_each_one_a_valid_nested_hsds_organization(client, unique):
    partner = await a_directory_entry(client, unique)

    listed = await get(client, "/organizations", search=f"numerique {unique}")
    assert page_problems(listed, "organization_list") == []
    assert [o["id"] for o in listed["contents"]] == [partner["id"]]
    full = await get(client, "/organizations", search=f"numerique {unique}", full="true")
    assert page_problems(full, "organization") == []
    one = await get(client, f"/organizations/{partner['id']}")
    assert problems(one, "organization") == []
    assert len(one["services"]) == 2 and "contacts" not in one


async def test_service_at_locations_near_a_postcode_come_nearest_first_within_the_proximity(client, unique):
    partner = await a_directory_entry(client, unique)

    near = await get(client, "/service_at_locations", postcode="43215", proximity=10_000, organization_id=partner["id"])
    assert page_problems(near, "service_at_location_list") == []
    assert [sal["location"]["addresses"][0]["postal_code"] for sal in near["contents"]] == ["43215", "43202"], \
        "nearest first; Dublin, 18 km away, is outside 10 km"
    wide = await get(client, "/service_at_locations", postcode="43215", proximity=25_000, organization_id=partner["id"],
                     full="true")
    assert page_problems(wide, "service_at_location_list") == []
    assert [sal["service"]["name"] for sal in wide["contents"]][-1] == f"Hotspot lending {unique}"
    in_postcode = await get(client, "/service_at_locations", postcode="43017", organization_id=partner["id"])
    assert [sal["location_id"] for sal in in_postcode["contents"]] == [partner["locations"][2]["id"]]

    one = await get(client, f"/service_at_locations/{near['contents'][0]['id']}")
    assert problems(one, "service") == []
    assert [sal["id"] for sal in one["service_at_locations"]] == [near["contents"][0]["id"]]


async def test_proximity_without_a_postcode_and_unknown_ids_are_problems(client):
    answer = await client.get(API + "/service_at_locations", params={"proximity": 1000})
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "postcode"
    for path in ("/services/", "/organizations/", "/service_at_locations/"):
        missing = await client.get(API + path + "7d0e0f3c-1b7e-4f59-8d43-000000000000")
        assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"
