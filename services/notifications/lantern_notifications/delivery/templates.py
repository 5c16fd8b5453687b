"""Notices as people read them: one template per message, its words from the language's gettext catalog.

Each `templates/<message>.j2` defines the blocks `subject`, `body` and `sms`, every sentence in a `{% trans %}` block
with named placeholders (`delivery/catalogs.py` loads the translations). Dates, times and numbers are formatted by
Babel for the recipient's locale, in the timezone the message is about. Someone whose language has no catalog reads
the message in the default language, and the rendering says so (`fell_back`).
"""

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from gettext import NullTranslations
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time
from babel.lists import format_list
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, pass_context
from markupsafe import Markup

from ..domain.messages import catalog_for, primary_language
from ..domain.sms import fit_sms
from . import catalogs

FOLDER = Path(__file__).parents[1] / "templates"


@dataclass(frozen=True)
class Rendered:
    language: str  # the language the message is actually written in (a catalog's BCP 47 tag: 'es', 'zh-Hans')
    fell_back: bool
    subject: str
    body: str  # the message alone, as the in-app inbox shows it
    text: str  # the email's plain-text part: the body and the footer
    html: str
    sms: str


class MissingTemplate(LookupError):
    pass


class Templates:
    def __init__(
        self, *, default_language: str, library_name: str, folder: Path = FOLDER, locale: Path = catalogs.FOLDER
    ) -> None:
        self.folder = folder
        self.catalogs = catalogs.load(locale)
        self.default_language = catalog_for(default_language, self.catalogs) or catalogs.SOURCE_LANGUAGE
        self.library_name = library_name
        self._text = _environment(folder, autoescape=False)
        self._html = _environment(folder, autoescape=True)

    def messages(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("[!_]*.j2"))

    def languages(self) -> list[str]:
        """The languages notices are written in: every catalog, and the templates' own."""
        return sorted({catalogs.SOURCE_LANGUAGE, *self.catalogs})

    def language_for(self, message: str, requested: str) -> tuple[str, bool]:
        """The language to write `message` in for someone who reads `requested`, and whether that is a fallback."""
        if not (self.folder / f"{message}.j2").exists():
            raise MissingTemplate(f"no template for {message!r}")
        written_in = catalog_for(requested, self.languages())
        if written_in is not None:
            return written_in, False
        return self.default_language, True

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
        values = {
            **data, "name": recipient_name, "library": self.library_name,
            "_locale": _locale(language if not template_fell_back else written_in), "_tz": ZoneInfo(timezone),
            "_translations": self.catalogs.get(written_in, NullTranslations()),
        }
        name = f"{message}.j2"
        text_template, html_template = self._text.get_template(name), self._html.get_template(name)
        subject = " ".join(_block(text_template, "subject", values).split())
        text = _paragraphs(_block(text_template, "body", values))
        html_body = _paragraphs(_block(html_template, "body", values))
        footer = " ".join(self._text.get_template("_footer.j2").render(values).split())
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


def _environment(folder: Path, *, autoescape: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(folder), undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        autoescape=autoescape, extensions=["jinja2.ext.i18n"],
    )
    env.policies["ext.i18n.trimmed"] = True  # a sentence is one line in the catalog, however it is wrapped
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]  # jinja2.ext.i18n adds this method at runtime
    env.filters.update(
        when=_when, day=_day, clock=_clock, short=_short, number=_number, device=_device, agreement=_agreement,
        shortfall=_shortfall, help_kind=_help_kind,
    )
    return env


@pass_context
def _gettext(ctx: Any, message: str) -> str:
    return ctx["_translations"].gettext(message)


@pass_context
def _ngettext(ctx: Any, singular: str, plural: str, n: int) -> str:
    return ctx["_translations"].ngettext(singular, plural, n)


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
    """Weekday, date and time: 'Thursday, November 12, 2026, 2:30 PM'."""
    moment = _moment(value, ctx)
    locale = ctx["_locale"]
    return _date_and_time(format_date(moment, "full", locale=locale), format_time(moment, "short", locale=locale), locale)


@pass_context
def _day(ctx: Any, value: Any) -> str:
    if isinstance(value, str) and len(value) == 10:
        return _plain(format_date(date.fromisoformat(value), "long", locale=ctx["_locale"]))
    return _plain(format_date(_moment(value, ctx), "full", locale=ctx["_locale"]))


@pass_context
def _clock(ctx: Any, value: Any) -> str:
    return _plain(format_time(_moment(value, ctx), "short", locale=ctx["_locale"]))


@pass_context
def _number(ctx: Any, value: Any) -> str:
    return _plain(format_decimal(value, locale=ctx["_locale"]))


@pass_context
def _device(ctx: Any, kind: str) -> str:
    return ctx["_translations"].gettext(catalogs.DEVICES[kind]) if kind in catalogs.DEVICES else kind


@pass_context
def _agreement(ctx: Any, kind: str) -> str:
    return ctx["_translations"].gettext(catalogs.AGREEMENTS[kind]) if kind in catalogs.AGREEMENTS else kind


@pass_context
def _help_kind(ctx: Any, kind: str) -> str:
    return ctx["_translations"].gettext(catalogs.HELP_KINDS[kind]) if kind in catalogs.HELP_KINDS else kind


@pass_context
def _shortfall(ctx: Any, missing: dict[str, int]) -> str:
    """For SMS: '2 × Wi-Fi hotspot and 4 × laptop', as the reader's language lists things."""
    items = [f"{_number(ctx, count)} × {_device(ctx, kind)}" for kind, count in sorted(missing.items())]
    return format_list(items, locale=ctx["_locale"])


@pass_context
def _short(ctx: Any, value: Any) -> str:
    """For SMS: '11/12, 2:30 PM'."""
    moment = _moment(value, ctx)
    locale = ctx["_locale"]
    return _date_and_time(format_skeleton("MMMd", moment, locale=locale), format_time(moment, "short", locale=locale),
                          locale)


def _date_and_time(day: str, time: str, locale: Locale) -> str:
    """A date and a time joined as the language does it: '…, 2:30 PM'; '…星期四 14:30'; '14:30 Thứ Năm, …'."""
    return _plain(str(locale.datetime_formats["short"]).format(time, day))

