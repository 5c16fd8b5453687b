"""Hypothesis strategies for partner records: anything staff or a 211 could legitimately send."""

import string
import uuid
from datetime import date, time

from hypothesis import strategies as st

from lantern_partners.domain.records import NEEDS, PARTNER_KINDS, Contact, Location, Partner, Schedule, Service

# Any text a record can hold: everything but NUL, which PostgreSQL cannot store and request bodies refuse.
storable = st.text(alphabet=st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=80).map(str.strip)
words = st.text(alphabet=string.ascii_letters + "áéñü' -", min_size=1, max_size=40).map(str.strip).filter(bool)
languages = st.sampled_from(["en", "es", "es-MX", "vi", "zh-Hant", "so", "ar"])
whole_minutes = st.builds(time, st.integers(0, 22), st.sampled_from([0, 15, 30, 45]))
dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def schedules(draw) -> Schedule:
    opens = draw(whole_minutes)
    closes = time(draw(st.integers(opens.hour + 1, 23)), draw(st.sampled_from([0, 30])))
    valid_from = draw(st.none() | dates)
    return Schedule(
        byday=draw(st.lists(st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), min_size=1, max_size=7, unique=True)),
        opens_at=opens, closes_at=closes, valid_from=valid_from,
        valid_to=draw(st.none() | st.dates(min_value=valid_from or date(2020, 1, 1), max_value=date(2031, 1, 1))),
    )


@st.composite
def locations(draw) -> Location:
    if draw(st.booleans()):
        return Location(kind="virtual", url="https://example.org/" + draw(st.text(string.ascii_lowercase, max_size=10)),
                        name=draw(st.none() | words))
    coordinates = draw(st.none() | st.tuples(st.floats(-90, 90), st.floats(-180, 180)))
    return Location(
        kind=draw(st.sampled_from(["physical", "postal"])), name=draw(st.none() | words), address_1=draw(words),
        city=draw(words), state_province=draw(st.sampled_from(["OH", "CA", "Ontario"])),
        postal_code=draw(st.text(string.digits, min_size=5, max_size=5)), country=draw(st.sampled_from(["US", "CA"])),
        latitude=coordinates[0] if coordinates else None, longitude=coordinates[1] if coordinates else None,
    )


@st.composite
def services(draw, location_ids: list[uuid.UUID]) -> Service:
    minimum = draw(st.none() | st.integers(0, 99))
    return Service(
        name=draw(words), description=draw(storable),
        status=draw(st.sampled_from(["active", "inactive", "defunct", "temporarily closed"])),
        eligibility=draw(st.none() | words), fees=draw(st.none() | words),
        minimum_age=minimum, maximum_age=draw(st.none() | st.integers(minimum or 0, 120)),
        languages=draw(st.lists(languages, max_size=3, unique=True)),
        needs=draw(st.lists(st.sampled_from(sorted(NEEDS)), max_size=4, unique=True)),
        location_ids=draw(st.lists(st.sampled_from(location_ids), unique=True)) if location_ids else [],
        schedules=draw(st.lists(schedules(), max_size=2)), verified_on=draw(st.none() | dates),
    )


contacts = st.builds(
    Contact, name=words, role=st.none() | words, email=st.none() | st.just("someone@example.org"),
    phone=st.none() | st.just("+1 555 123 4567"), language=languages,
)


@st.composite
def partners(draw) -> Partner:
    places = draw(st.lists(locations(), max_size=3))
    return Partner(
        id=uuid.uuid4(), name=draw(words), description=draw(storable),
        kind=draw(st.sampled_from(PARTNER_KINDS)), email=draw(st.none() | st.just("info@example.org")),
        website=draw(st.none() | st.just("https://example.org")),
        services=draw(st.lists(services([p.id for p in places]), max_size=3)),
        locations=places, contacts=draw(st.lists(contacts, max_size=3)),
    )
