"""The translation catalogs are complete and safe: every sentence a template can write is translated, reviewed or
not says so, and a translation carries exactly the placeholders of its English source in every plural form."""

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from lantern_notifications.delivery import catalogs
from lantern_notifications.delivery.templates import Templates
from lantern_notifications.domain.messages import MESSAGES

from .test_templates import SAMPLES

SERVICE = Path(catalogs.__file__).parents[2]
LOCALE = catalogs.FOLDER
CATALOGS = {"en": "en", "es": "es", "vi": "vi", "zh-Hans": "zh_Hans", "ru": "ru"}  # BCP 47 -> gettext folder
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%%|%[^(]")


def _extracted() -> dict[str, Message]:
    """What `pybabel extract -F babel.cfg` finds in the templates and the names, keyed by msgid."""
    with (SERVICE / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict[str, Message] = {}
    for _filename, _lineno, message, _comments, _context in extract_from_dir(SERVICE, method_map, options_map):
        msgid = message if isinstance(message, str) else message[0]
        found[msgid] = Message(message)
    return found


EXTRACTED = _extracted()


def _catalog(language: str) -> Catalog:
    with (LOCALE / CATALOGS[language] / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=CATALOGS[language])


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_the_templates_have_sentences_to_translate_and_the_pot_is_what_extraction_finds_today():
    assert len(EXTRACTED) > 100
    with (LOCALE / "messages.pot").open("rb") as pot:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(pot) if m.id}
    assert template == set(EXTRACTED), "run `pybabel extract` (services/notifications/README.md, Translations)"


@pytest.mark.parametrize("language", CATALOGS)
def test_every_sentence_is_translated_none_fuzzy_none_stale(language):
    catalog = _catalog(language)
    messages = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    missing = sorted(set(EXTRACTED) - set(messages))
    stale = sorted(set(messages) - set(EXTRACTED))
    fuzzy = sorted(key for key, m in messages.items() if m.fuzzy)
    untranslated = sorted(key for key, m in messages.items()
                          if not all(m.string if isinstance(m.string, tuple) else (m.string,)))
    assert not missing, f"{language}: not in the catalog (run `pybabel update`): {missing}"
    assert not stale, f"{language}: no template uses these any more: {stale}"
    assert not fuzzy, f"{language}: fuzzy, needs a translator's look: {fuzzy}"
    assert not untranslated, f"{language}: untranslated: {untranslated}"


@pytest.mark.parametrize("language", CATALOGS)
def test_each_translation_has_the_placeholders_of_its_source_in_every_plural_form(language):
    catalog = _catalog(language)
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            singular, plural = message.id
            assert _placeholders(singular) == _placeholders(plural), singular
            assert len(message.string) == catalog.num_plurals, f"{language}: {singular!r} needs {catalog.num_plurals}"
            forms = message.string
        else:
            plural, forms = message.id, (message.string,)
        for form in forms:
            assert _placeholders(form) == _placeholders(plural), f"{language}: {form!r} vs {plural!r}"
            form % {name: "x" for name in re.findall(r"%\((\w+)\)", form)}  # formats without error


@pytest.mark.parametrize("language", CATALOGS)
def test_each_catalog_says_what_a_native_speaker_has_reviewed_and_what_still_needs_it(language):
    header = _catalog(language).header_comment
    if language == "en":
        assert "source language" in header
    else:
        assert "Reviewed by a native speaker:" in header and "Still need native review:" in header


TEMPLATES = Templates(default_language="en", library_name="Riverside Public Library")


@pytest.mark.parametrize("language", [tag for tag in CATALOGS if tag != "en"])
@pytest.mark.parametrize("message", sorted(MESSAGES))
def test_every_notice_is_written_in_the_readers_language_not_in_english(message, language):
    english, translated = (
        TEMPLATES.render(message, language=tag, timezone="America/Los_Angeles", data=SAMPLES[message],
                         recipient_name="Linh")
        for tag in ("en", language)
    )
    assert translated.language == language and not translated.fell_back
    assert translated.subject != english.subject
    assert not set(english.body.splitlines()[:1]) & set(translated.body.splitlines()), "the greeting is English"
    assert translated.sms != english.sms
    assert "Hello" not in translated.text and "Hello" not in translated.sms
