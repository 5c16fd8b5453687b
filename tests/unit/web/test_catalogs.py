"""Every message a person reads in the web app is translated in all five languages, none fuzzy, none stale."""

import importlib.util

from lantern_web import i18n
from tests.support import REPO


def messages_module():
    spec = importlib.util.spec_from_file_location("web_messages", REPO / "frontends/web/scripts/messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_catalog_has_every_message_translated_and_none_fuzzy():
    problems = messages_module().problems()
    assert problems == [], ("run `uv run --no-sync python frontends/web/scripts/messages.py extract`, then translate:\n"
                            + "\n".join(problems[:40]))


def test_catalog_headers_ask_for_a_native_speakers_review():
    for po in (REPO / "frontends/web/lantern_web/locale").rglob("*.po"):
        assert "native speaker" in po.read_text().split("msgid", 1)[0], po


def test_a_message_reads_in_each_language_and_plurals_follow_the_language():
    seen = {}
    for language in i18n.LANGUAGES:
        token = i18n.current_language.set(language)
        try:
            seen[language] = i18n.gettext("Upcoming sessions")
            plural = [i18n.ngettext("%(num)s seat left", "%(num)s seats left", n) % {"num": n} for n in (1, 2, 5)]
        finally:
            i18n.current_language.reset(token)
        if language == "ru":  # one, few, many
            assert plural == ["Осталось 1 место", "Осталось 2 места", "Осталось 5 мест"], plural
        if language == "en":
            assert plural == ["1 seat left", "2 seats left", "5 seats left"], plural
    assert len(set(seen.values())) == 5, seen
