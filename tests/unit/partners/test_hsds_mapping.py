"""HSDS 3.0 mapping: every partner record exports as valid HSDS and reads back as the same record; what cannot be
read is rejected with every reason, naming where."""

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
    partner_id, record, states_kind = from_hsds(document)
    assert (partner_id, states_kind) == (partner.id, True)
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
    _, record, states_kind = from_hsds(a_211_organization())

    assert record.services[0].needs == ["bd-1800.2000"]
    assert record.services[0].location_ids == [record.locations[0].id]
    assert [s.byday for s in record.services[0].schedules] == [["MO", "WE"]]
    assert states_kind is False and record.kind == "other"


@pytest.mark.parametrize("break_it, reason", [
    (lambda d: d.pop("name"), "organization: 'name' is a required property"),
    (lambda d: d["services"][0].update(status="open"), "services.0.status: must be one of 'active', 'inactive'"),
    (lambda d: d.update(id="not-a-uuid"), "id: must be a valid uuid"),
    (lambda d: d["services"][0]["schedules"][0].update(freq="MONTHLY"), "only weekly opening hours are supported"),
    (lambda d: d["services"][0]["schedules"][0].update(opens_at="late"), "must be times"),
    (lambda d: d["locations"][0]["addresses"].append(dict(d["locations"][0]["addresses"][0])), "one address per location"),
    (lambda d: d["locations"][0].update(addresses=[]), "a physical location needs an address"),
    (lambda d: d["services"][0].update(languages=[{"id": str(uuid.uuid4()), "code": "not a language"}]), "BCP 47"),
    (lambda d: d["services"][0].update(minimum_age=65, maximum_age=18), "maximum_age must not be below minimum_age"),
    (lambda d: d["services"][0]["service_at_locations"][0].update(location_id=str(uuid.uuid4())),
     "names locations this organization does not have"),
])
def test_an_unacceptable_organization_is_rejected_with_the_reason(break_it, reason):
    document = a_211_organization()
    break_it(document)

    with pytest.raises(HsdsRejected) as rejected:
        from_hsds(document)

    assert any(reason in problem for problem in rejected.value.problems), rejected.value.problems


def test_every_problem_is_reported_at_once_not_only_the_first():
    document = a_211_organization()
    document.pop("description")
    document["email"] = "nope"
    document["services"][0]["status"] = "maybe"

    with pytest.raises(HsdsRejected) as rejected:
        from_hsds(document)

    assert len(rejected.value.problems) == 3


def test_an_unknown_partner_kind_is_rejected():
    document = a_211_organization()
    document["attributes"] = [{"id": str(uuid.uuid4()), "taxonomy_term": {
        "id": str(uuid.uuid4()), "code": "spaceport", "name": "x", "description": "x", "taxonomy": "lantern-partner-kind"}}]

    with pytest.raises(HsdsRejected, match="partner kind 'spaceport'"):
        from_hsds(document)
