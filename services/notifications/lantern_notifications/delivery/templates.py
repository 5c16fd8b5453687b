"""Message templates per message × language: subject, email body (plain text and autoescaped HTML) and SMS.

Each `templates/<language>/<message>.j2` defines the blocks `subject`, `body` and `sms`. Dates and times are
formatted by Babel for the recipient's locale, in the timezone the message is about. A message without a
translation in the recipient's language is written in the default language, and says so (`fell_back`).
"""

import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time
from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, pass_context
from markupsafe import Markup

from ..domain.messages import primary_language
from ..domain.sms import fit_sms

FOLDER = Path(__file__).parents[1] / "templates"


@dataclass(frozen=True)
class Rendered:
    language: str  # the language the message is actually written in
    fell_back: bool
    subject: str
    body: str  # the message alone, as the in-app inbox shows it
    text: str  # the email's plain-text part: the body and the footer
    html: str
    sms: str


class MissingTemplate(LookupError):
    pass


class Templates:
    def __init__(self, *, default_language: str, library_name: str, folder: Path = FOLDER) -> None:
        self.folder = folder
        self.default_language = primary_language(default_language)
        self.library_name = library_name
        options = dict(loader=FileSystemLoader(folder), undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self._text = Environment(autoescape=False, **options)
        self._html = Environment(autoescape=True, **options)
        for env in (self._text, self._html):
            env.filters.update(when=_when, day=_day, clock=_clock, short=_short)

    def messages(self, language: str) -> list[str]:
        return sorted(p.stem for p in (self.folder / language).glob("*.j2"))

    def language_for(self, message: str, requested: str) -> tuple[str, bool]:
        """The language to write `message` in for someone who reads `requested`, and whether that is a fallback."""
        wanted = primary_language(requested)
        if (self.folder / wanted / f"{message}.j2").exists():
            return wanted, False
        if (self.folder / self.default_language / f"{message}.j2").exists():
            return self.default_language, True
        raise MissingTemplate(f"no template for {message!r} in {wanted!r} nor {self.default_language!r}")

    def render(self, message: str, *, language: str, timezone: str, data: dict[str, Any], recipient_name: str) -> Rendered:
        fell_back = False
        data = dict(data)
        if message == "broadcast":
            # A broadcast carries its own text per language; the wrapper follows the text's language.
            language, fell_back = _broadcast_language(language, data)
            data["broadcast_subject"] = data["subject"].get(language) or data["subject"][data["fallback_language"]]
            data["broadcast_body"] = data["body"][language]
        written_in, template_fell_back = self.language_for(message, language)
        fell_back = fell_back or template_fell_back
        locale = _locale(language if not template_fell_back else written_in)
        terms = self._terms(written_in)
        values = {
            **data, "name": recipient_name, "library": self.library_name, "terms": terms,
            "_locale": locale, "_tz": ZoneInfo(timezone),
        }
        name = f"{written_in}/{message}.j2"
        text_template, html_template = self._text.get_template(name), self._html.get_template(name)
        subject = " ".join(_block(text_template, "subject", values).split())
        text = _paragraphs(_block(text_template, "body", values))
        html_body = _paragraphs(_block(html_template, "body", values))
        footer = terms["footer"].format(library=self.library_name)
        return Rendered(
            language=written_in,
            fell_back=fell_back,
            subject=subject,
            body="\n\n".join(text),
            text="\n\n".join(text + [footer]) + "\n",
            html=self._html.get_template("_layout.html").render(
                lang=written_in, subject=subject, library=self.library_name, footer=footer,
                paragraphs=[Markup(p.replace("\n", "<br>\n")) for p in html_body],
            ),
            sms=fit_sms(_block(text_template, "sms", values)),
        )

    @cache  # noqa: B019 - one Templates per process; terms files never change while it runs
    def _terms(self, language: str) -> dict[str, Any]:
        def load(lang: str) -> dict[str, Any]:
            path = self.folder / lang / "terms.json"
            return json.loads(path.read_text()) if path.exists() else {}

        merged = load(self.default_language)
        for key, value in load(language).items():
            merged[key] = {**merged.get(key, {}), **value} if isinstance(value, dict) else value
        return merged


def _broadcast_language(requested: str, data: dict[str, Any]) -> tuple[str, bool]:
    """The key of the broadcast's text to use, and whether it is the list's fallback rather than the reader's."""
    wanted = primary_language(requested)
    for key in data["body"]:
        if key == requested or primary_language(key) == wanted:
            return key, False
    return data["fallback_language"], True


def _block(template: Template, block: str, values: dict[str, Any]) -> str:
    context = template.new_context(values)
    return "".join(template.blocks[block](context)).strip()


def _paragraphs(text: str) -> list[str]:
    return ["\n".join(line.strip() for line in p.strip().splitlines()) for p in text.split("\n\n") if p.strip()]


@cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(primary_language(language) or "en")


def _plain(text: str) -> str:
    # CLDR puts (narrow) no-break spaces in times ("2:30\u202fPM"); one of those would make an English SMS UCS-2.
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def _moment(value: Any, ctx: Any) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone(ctx["_tz"])


@pass_context
def _when(ctx: Any, value: Any) -> str:
    """Weekday, date and time: 'Thursday, November 12, 2026 at 2:30 PM'."""
    moment = _moment(value, ctx)
    locale = ctx["_locale"]
    return _plain(f"{format_date(moment, 'full', locale=locale)}, {format_time(moment, 'short', locale=locale)}")


@pass_context
def _day(ctx: Any, value: Any) -> str:
    if isinstance(value, str) and len(value) == 10:
        return _plain(format_date(date.fromisoformat(value), "long", locale=ctx["_locale"]))
    return _plain(format_date(_moment(value, ctx), "full", locale=ctx["_locale"]))


@pass_context
def _clock(ctx: Any, value: Any) -> str:
    return _plain(format_time(_moment(value, ctx), "short", locale=ctx["_locale"]))


@pass_context
def _short(ctx: Any, value: Any) -> str:
    """For SMS: '11/12, 2:30 PM'."""
    moment = _moment(value, ctx)
    locale = ctx["_locale"]
    return _plain(f"{format_skeleton('MMMd', moment, locale=locale)}, {format_time(moment, 'short', locale=locale)}")

