"""Ranking the referral directory: needs met first, then the asked language, then distance, then freshness."""

from datetime import date, datetime, time
from uuid import uuid4

from hypothesis import given, settings, strategies as st

from lantern_partners.domain.directory import (
    DirectoryEntry, DirectoryQuery, haversine_km, same_language, search_directory,
)
from lantern_partners.domain.records import Location, Schedule, Service

TUESDAY_11 = datetime(2026, 11, 24, 11, 0)


def entry(service: Service, *locations: Location) -> DirectoryEntry:
    return DirectoryEntry(service=service, partner_id=uuid4(), partner_name="Partner", partner_kind="other",
                          partner_status="active", locations=list(locations))


def place(lat: float, lon: float, postal_code: str = "43215") -> Location:
    return Location(address_1="1 Main", city="Columbus", state_province="OH", postal_code=postal_code, country="US",
                    latitude=lat, longitude=lon)


def test_distances_are_great_circle_kilometres():
    columbus, cleveland = (39.9612, -82.9988), (41.4993, -81.6944)
    assert 200 < haversine_km(columbus, cleveland) < 205
    assert haversine_km(columbus, columbus) == 0


def test_a_language_serves_its_regional_variants_and_the_other_way_round():
    assert same_language("es", "es-MX") and same_language("es-MX", "es") and same_language("zh-Hant", "zh")
    assert not same_language("en", "es")


def test_the_ranking_order_is_needs_then_language_then_distance_then_freshness():
    near, far = place(39.962, -82.999), place(40.2, -83.1)
    services = {
        "both needs, English": entry(Service(name="a", needs=["job_training", "resume_help"], languages=["en"])),
        "Spanish, near": entry(Service(name="b", needs=["job_training"], languages=["es"]), near),
        "Spanish, far": entry(Service(name="c", needs=["job_training"], languages=["es"]), far),
        "English, fresh": entry(Service(name="d", needs=["job_training"], languages=["en"], verified_on=date(2026, 9, 1))),
        "English, stale": entry(Service(name="e", needs=["job_training"], languages=["en"], verified_on=date(2025, 1, 1))),
        "English, never verified": entry(Service(name="f", needs=["job_training"], languages=["en"])),
    }
    query = DirectoryQuery(needs=["job_training", "resume_help"], language="es", near=(39.96, -83.0))

    hits = search_directory(list(services.values()), query, TUESDAY_11)

    by_id = {e.service.id: label for label, e in services.items()}
    assert [by_id[h.service_id] for h in hits] == list(services)


def test_only_active_services_that_meet_an_asked_need_are_found():
    kept = entry(Service(name="kept", needs=["housing"]))
    found = search_directory([
        kept,
        entry(Service(name="closed", needs=["housing"], status="temporarily closed")),
        entry(Service(name="other need", needs=["food"])),
    ], DirectoryQuery(needs=["housing"]), TUESDAY_11)
    assert [h.service_id for h in found] == [kept.service.id]


def test_opening_hours_include_the_opening_minute_and_exclude_the_closing_one():
    hours = Schedule(byday=["TU"], opens_at=time(9), closes_at=time(17))
    assert hours.is_open(datetime(2026, 11, 24, 9, 0))
    assert hours.is_open(datetime(2026, 11, 24, 16, 59))
    assert not hours.is_open(datetime(2026, 11, 24, 17, 0))
    assert not hours.is_open(datetime(2026, 11, 25, 10, 0)), "Wednesday"
    seasonal = Schedule(byday=["TU"], opens_at=time(9), closes_at=time(17), valid_to=date(2026, 9, 30))
    assert not seasonal.is_open(datetime(2026, 11, 24, 10, 0))


def test_a_service_is_found_near_a_postal_code_at_any_of_its_locations_written_loosely():
    downtown, suburb = place(39.96, -83.0, "43215"), place(40.1, -83.1, "K1A 0B1")
    service = Service(name="s", needs=["food"], location_ids=[downtown.id, suburb.id])

    hits = search_directory([entry(service, downtown, suburb)], DirectoryQuery(postal_code="k1a0b1"), TUESDAY_11)

    assert len(hits) == 1


service_specs = st.lists(st.tuples(
    st.lists(st.sampled_from(["food", "housing", "health", "job_training"]), min_size=1, max_size=3, unique=True),
    st.lists(st.sampled_from(["en", "es", "vi", "es-MX"]), max_size=2, unique=True),
    st.none() | st.tuples(st.floats(39, 41), st.floats(-84, -82)),
    st.none() | st.dates(date(2024, 1, 1), date(2026, 12, 31)),
), max_size=12)


@settings(max_examples=80, deadline=None)
@given(service_specs, st.lists(st.sampled_from(["food", "housing", "health"]), max_size=2, unique=True),
       st.none() | st.sampled_from(["es", "vi"]), st.integers(1, 5))
def test_ranked_results_are_ordered_by_the_ranking_and_pages_cut_by_it_cover_them_exactly(
    specs, needs, language, page_size,
):
    entries = []
    for needs_met, languages, coordinates, verified in specs:
        locations = [place(*coordinates)] if coordinates else []
        entries.append(entry(Service(name="s", needs=needs_met, languages=languages, verified_on=verified), *locations))
    query = DirectoryQuery(needs=needs, language=language, near=(40.0, -83.0))

    hits = search_directory(entries, query, TUESDAY_11)

    assert all(h.needs_matched >= 1 for h in hits) if needs else len(hits) == len(entries)
    for before, after in zip(hits, hits[1:]):
        assert before.needs_matched >= after.needs_matched
        if before.needs_matched == after.needs_matched:
            assert before.language_match >= after.language_match
    paged, after_key = [], None
    while True:
        page = [h for h in hits if after_key is None or h.rank_key > after_key][:page_size]
        if not page:
            break
        paged += page
        after_key = page[-1].rank_key
    assert [h.service_id for h in paged] == [h.service_id for h in hits]
