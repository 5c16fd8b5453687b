"""The directory's pure rules: languages, postal codes, search words, opening hours. (Ranking itself is SQL, and is
specified against the real database in tests/integration/partners/test_directory_search.py.)"""

from datetime import date, datetime, time

from lantern_partners.domain.directory import normalise_postal_code, same_language
from lantern_partners.domain.records import Schedule
from lantern_partners.store.directory import text_query


def test_a_language_serves_its_regional_variants_and_the_other_way_round():
    assert same_language("es", "es-MX") and same_language("es-MX", "es") and same_language("zh-Hant", "zh")
    assert not same_language("en", "es")


def test_postal_codes_are_compared_without_spaces_or_case():
    assert normalise_postal_code("k1a 0b1") == normalise_postal_code("K1A0B1") == "K1A0B1"


def test_a_search_is_its_words_and_punctuation_is_no_operator():
    assert text_query("Resume clin") == ["resume", "clin"]
    assert text_query("a|b & !c") == ["a", "b", "c"]
    assert text_query("Tiếng Việt") == ["tiếng", "việt"]
    assert text_query(" !! ") is None and text_query(None) is None


def test_opening_hours_include_the_opening_minute_and_exclude_the_closing_one():
    hours = Schedule(byday=["TU"], opens_at=time(9), closes_at=time(17))
    assert hours.is_open(datetime(2026, 11, 24, 9, 0))
    assert hours.is_open(datetime(2026, 11, 24, 16, 59))
    assert not hours.is_open(datetime(2026, 11, 24, 17, 0))
    assert not hours.is_open(datetime(2026, 11, 25, 10, 0)), "Wednesday"
    seasonal = Schedule(byday=["TU"], opens_at=time(9), closes_at=time(17), valid_to=date(2026, 9, 30))
    assert not seasonal.is_open(datetime(2026, 11, 24, 10, 0))
