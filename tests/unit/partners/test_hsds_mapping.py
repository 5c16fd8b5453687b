"""HSDS 3.0 mapping: every partner record exports as valid HSDS and reads back as the same record; a document the
HSDS schema refuses is rejected with every reason, naming where; one the schema accepts is never rejected: what
Lantern cannot use is left out and named in a warning."""

import uuid

import pytest
from hypothesis import HealthCheck, given, settings

from lantern_partners.hsds.export import to_hsds
from lantern_partners.hsds.ingest import HsdsRejected, from_hsds
from lantern_partners.hsds.schema import schema_problems

from .strategies import partners


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(partners())
def test_any_partner_exports_as_valid_hsds_and_imports_back_unchanged(partner):
    document = to_hsds(partner)

    assert schema_problems(document) == []
    partner_id, record, states_kind, warnings = from_hsds(document)
    assert (partner_id, states_kind, warnings) == (partner.id, True, [])
    assert record == partner.record()


def a_211_organization() -> dict:
    org, svc, loc = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    return {
        "id": org, "name": "Helping Hands", "description": "Food and housing help",
        "locations": [{"id": loc, "location_type": "physical", "addresses": [{
            "id": str(uuid.uuid4()), "address_1": "1 Elm St", "city": "Dayton", "state_province": "OH",
            "postal_code": "45402", "country": "US", "address_type": "physical"}]}],
        "services": [{"id": svc, "name": "Pantry", "status": "active",
                      "attributes": [{"id": str(uuid.uuid4()), "taxonomy_term": {
                          "id": str(uuid.uuid4()), "code": "BD-1800.2000", "name": "Food Pantries",
                          "description": "Food Pantries", "taxonomy": "211 LA"}}],
                      "service_at_locations": [{"id": str(uuid.uuid4()), "location_id": loc}],
                      "schedules": [{"id": str(uuid.uuid4()), "byday": "MO,WE", "opens_at": "10:00", "closes_at": "13:00"}]}],
    }


def test_an_organization_from_another_taxonomy_keeps_its_codes_as_needs_and_states_no_kind():
    _, record, states_kind, _ = from_hsds(a_211_organization())

    assert record.services[0].needs == ["bd-1800.2000"]
    assert record.services[0].location_ids == [record.locations[0].id]
    assert [s.byday for s in record.services[0].schedules] == [["MO", "WE"]]
    assert states_kind is False and record.kind == "other"


@pytest.mark.parametrize("break_it, reason", [
    (lambda d: d.pop("name"), "organization: 'name' is a required property"),
    (lambda d: d["services"][0].update(status="open"), "services.0.status: must be one of 'active', 'inactive'"),
    (lambda d: d.update(id="not-a-uuid"), "id: must be a valid uuid"),
])
def test_an_organization_the_hsds_schema_refuses_is_rejected_with_the_reason(break_it, reason):
    document = a_211_organization()
    break_it(document)

    with pytest.raises(HsdsRejected) as rejected:
        from_hsds(document)

    assert any(reason in problem for problem in rejected.value.problems), rejected.value.problems


def with_contact(document: dict, number: str) -> dict:
    document["contacts"] = [{"id": str(uuid.uuid4()), "name": "Sam Rivera",
                             "phones": [{"id": str(uuid.uuid4()), "number": number}]}]
    return document


@pytest.mark.parametrize("break_it, warning", [
    (lambda d: d["locations"][0].update(latitude=100, longitude=-83.0), "locations.0.latitude/longitude"),
    (lambda d: d["locations"][0].update(latitude=39.9), "locations.0.latitude/longitude"),
    (lambda d: d["services"][0]["schedules"][0].update(freq="MONTHLY"), "only weekly opening hours are used"),
    (lambda d: d["services"][0]["schedules"][0].update(opens_at="late"), "are not times"),
    (lambda d: d["services"][0]["schedules"][0].update(closes_at="09:00"), "services.0.schedules.0"),
    (lambda d: d["locations"][0]["addresses"].append(dict(d["locations"][0]["addresses"][0])), "one address per location"),
    (lambda d: d["services"][0].update(languages=[{"id": str(uuid.uuid4()), "code": "not a language"}]),
     "services.0.languages.0"),
    (lambda d: d["services"][0].update(minimum_age=65, maximum_age=18), "below minimum_age; both left out"),
    (lambda d: d["services"][0].update(minimum_age=17.5), "whole years"),
    (lambda d: d["services"][0]["service_at_locations"][0].update(location_id=str(uuid.uuid4())),
     "a location not in this organization is left out"),
    (lambda d: d.update(email="a@b"), "email: left out"),
    (lambda d: d["services"][0].update(name="x" * 400), "services.0.name: cut to 300 characters"),
    (lambda d: with_contact(d, "call us maybe"), "contacts.0.phone: left out"),
    (lambda d: d.update(attributes=[{"id": str(uuid.uuid4()), "taxonomy_term": {
        "id": str(uuid.uuid4()), "code": "spaceport", "name": "x", "description": "x",
        "taxonomy": "lantern-partner-kind"}}]), "partner kind is not one of"),
])
def test_a_value_hsds_allows_but_lantern_cannot_use_is_left_out_with_a_warning_and_the_rest_imported(break_it, warning):
    document = a_211_organization()
    break_it(document)
    assert schema_problems(document) == [], "the HSDS 3.0 schema accepts it"

    _, record, _, warnings = from_hsds(document)

    assert any(warning in w for w in warnings), warnings
    assert record.name == "Helping Hands" and len(record.services) == 1


def test_an_impossible_latitude_keeps_the_location_out_of_distance_search_only():
    document = a_211_organization()
    document["locations"][0].update(latitude=100, longitude=-83.0)

    _, record, _, _ = from_hsds(document)

    assert record.locations[0].coordinates is None and record.locations[0].postal_code == "45402"


def test_a_phone_written_in_quotation_marks_is_read_as_the_number_and_the_warning_does_not_repeat_it():
    document = with_contact(a_211_organization(), '"+1 937 555 0100"')

    _, record, _, warnings = from_hsds(document)

    assert record.contacts[0].phone == "+19375550100"
    assert warnings == ["contacts.0.phones.0.number: quotation marks around the number are dropped"]
    assert not any("555" in w for w in warnings)


def test_a_physical_location_without_an_address_is_kept_from_hsds():
    document = a_211_organization()
    document["locations"][0].update(addresses=[], latitude=39.76, longitude=-84.19)

    _, record, _, _ = from_hsds(document)

    assert record.locations[0].coordinates == (39.76, -84.19)


def test_every_problem_is_reported_at_once_not_only_the_first():
    document = a_211_organization()
    document.pop("description")
    document["email"] = "nope"
    document["services"][0]["status"] = "maybe"

    with pytest.raises(HsdsRejected) as rejected:
        from_hsds(document)

    assert len(rejected.value.problems) == 3
