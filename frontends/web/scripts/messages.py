"""The web app's message catalogs: one domain per area, five languages.

    uv run --no-sync python frontends/web/scripts/messages.py extract   # sources -> every PO file (new ones empty)
    uv run --no-sync python frontends/web/scripts/messages.py check     # lists what is missing, fuzzy or stale

Domains: `common` (layout, sign-in, errors: lantern_web/*.py, areas/common.py, templates/common/) and one per area
(`public`, `patron`, `staff`, `partner`, `kiosk`, `reports`, `messages`: areas/<area>.py and templates/<area>/). A new message gets an empty
translation in every language; tests/unit/web/test_catalogs.py fails until each has one.
"""

import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

WEB = Path(__file__).resolve().parents[1]
PACKAGE = WEB / "lantern_web"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("en", "es", "vi", "zh_Hans", "ru")
DOMAINS = ("common", "public", "patron", "staff", "partner", "kiosk", "reports", "messages")
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy": None}
JINJA = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}
HEADER = ("Lantern web app: {domain} messages. Machine-drafted translations: they need a native speaker's review "
          "before a library relies on them.")


def sources(domain: str) -> Iterator[Path]:
    if domain == "common":
        yield from sorted(p for p in PACKAGE.glob("*.py"))
        yield PACKAGE / "areas" / "common.py"
    else:
        area = PACKAGE / "areas" / f"{domain}.py"
        if area.exists():
            yield area
        yield from sorted((PACKAGE / "areas").glob(f"{domain}_*.py"))  # an area split in modules (staff_desk.py, …)
    yield from sorted((PACKAGE / "templates" / domain).rglob("*.html"))


def extracted(domain: str) -> Catalog:
    catalog = Catalog(domain=domain)
    for path in sources(domain):
        method = "jinja2" if path.suffix == ".html" else "python"
        for line, message, comments, context in extract_from_file(
                method, str(path), keywords=KEYWORDS, options=JINJA if method == "jinja2" else {}):
            catalog.add(message, locations=[(str(path.relative_to(WEB)), line)], auto_comments=comments,
                        context=context)
    return catalog


def po_path(language: str, domain: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{domain}.po"


def read(language: str, domain: str) -> Catalog:
    path = po_path(language, domain)
    if not path.exists():
        return Catalog(locale=language, domain=domain)
    with path.open("rb") as po:
        return read_po(po, locale=language, domain=domain)


def write(catalog: Catalog, language: str, domain: str) -> None:
    path = po_path(language, domain)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog.header_comment = f"# {HEADER.format(domain=domain)}"
    catalog.project, catalog.version = "Lantern", "1"
    catalog.msgid_bugs_address = ""
    catalog.copyright_holder = "Lantern"
    catalog.fuzzy = False  # the header: a fuzzy header would drop the plural rule from the compiled catalog
    with path.open("wb") as po:
        write_po(po, catalog, width=120, omit_header=False, sort_output=True, include_lineno=False)


def extract() -> None:
    for domain in DOMAINS:
        for language in LANGUAGES:
            catalog = read(language, domain)
            catalog.update(extracted(domain), no_fuzzy_matching=True)  # a template each: update adopts its messages
            catalog.obsolete.clear()
            if language == "en":  # the source language: its translation is the message itself
                for message in catalog:
                    if message.id and not any(message.string if isinstance(message.string, tuple) else (message.string,)):
                        message.string = message.id
            write(catalog, language, domain)


def problems() -> list[str]:
    """Every message in the sources that a catalog lacks, leaves empty or marks fuzzy, and every stale entry."""
    found = []
    for domain in DOMAINS:
        wanted = {m.id for m in extracted(domain) if m.id}
        for language in LANGUAGES:
            catalog = read(language, domain)
            present = {m.id: m for m in catalog if m.id}
            for key in sorted(wanted, key=str):
                message = present.get(key)
                strings = message.string if message and isinstance(message.string, tuple) else (message.string if message else "",)
                if message is None:
                    found.append(f"{language}/{domain}: missing {key!r}")
                elif message.fuzzy:
                    found.append(f"{language}/{domain}: fuzzy {key!r}")
                elif not all(strings) or (message.pluralizable and len(strings) != catalog.num_plurals):
                    found.append(f"{language}/{domain}: untranslated {key!r}")
            found += [f"{language}/{domain}: stale {key!r}" for key in present if key not in wanted]
    return found


if __name__ == "__main__":
    if sys.argv[1:] == ["extract"]:
        extract()
    elif sys.argv[1:] == ["check"]:
        issues = problems()
        print("\n".join(issues) or "every catalog is complete")
        sys.exit(1 if issues else 0)
    else:
        sys.exit(__doc__)
