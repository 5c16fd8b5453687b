"""What registration accepts as a patron's details."""

import pytest
from pydantic import ValidationError

from lantern_registration.domain.patrons import PatronDetails


def test_a_patron_needs_a_contact_point():
    with pytest.raises(ValidationError, match="email or phone"):
        PatronDetails(name="Ana")


@pytest.mark.parametrize("tag", ["en", "es-MX", "zh-Hant", "vi", "so", "uk", "ar", "zh-Hans-CN", "sr-Latn-RS"])
def test_bcp47_language_tags_are_accepted(tag):
    assert PatronDetails(name="Ana", email="ana@example.org", preferred_language=tag).preferred_language == tag


@pytest.mark.parametrize("tag", ["english", "e", "es_MX", "not a tag", ""])
def test_other_language_values_are_refused_naming_the_field(tag):
    with pytest.raises(ValidationError) as error:
        PatronDetails(name="Ana", email="ana@example.org", preferred_language=tag)
    assert error.value.errors()[0]["loc"] == ("preferred_language",)


def test_unknown_fields_are_refused_rather_than_silently_kept():
    with pytest.raises(ValidationError) as error:
        PatronDetails(name="Ana", email="ana@example.org", date_of_birth="1990-01-01")
    assert error.value.errors()[0]["loc"] == ("date_of_birth",)
