"""The translations notices are written from: gettext PO catalogs under `locale/`, compiled in memory at start.

`locale/messages.pot` is extracted from the templates and from the names below (`pybabel extract -F babel.cfg`);
translators work on `locale/<language>/LC_MESSAGES/messages.po` (Weblate and Pontoon read PO). Nothing compiled is
kept in git: each catalog is compiled here when the service starts, so what runs is always what the PO says.
Fuzzy entries are left out (the source text is written instead); the catalog test refuses them anyway.
"""

from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

FOLDER = Path(__file__).parents[1] / "locale"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"  # the language the templates are written in: every msgid is English


def load(folder: Path = FOLDER) -> dict[str, Translations]:
    """Every catalog in `folder`, compiled, by BCP 47 tag ('zh-Hans' from the gettext folder name 'zh_Hans')."""
    catalogs: dict[str, Translations] = {}
    for path in sorted(folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        gettext_name = path.parents[1].name
        with path.open("rb") as po:
            catalog = read_po(po, locale=gettext_name, domain=DOMAIN)
        compiled = BytesIO()
        write_mo(compiled, catalog, use_fuzzy=False)
        compiled.seek(0)
        catalogs[gettext_name.replace("_", "-")] = Translations(compiled, domain=DOMAIN)
    return catalogs


def _(message: str) -> str:
    """Marks a name for extraction; it is translated when a notice is written."""
    return message


# Names of what the library lends and the kinds of partnership agreement, by the code events carry.
DEVICES = {
    "hotspot": _("Wi-Fi hotspot"),
    "laptop": _("laptop"),
    "chromebook": _("Chromebook"),
    "tablet": _("tablet"),
    "training_kit": _("mobile training kit"),
}
AGREEMENTS = {
    "expertise": _("expertise sharing"),
    "in_kind": _("in-kind support"),
    "programming": _("joint programming"),
    "workspace": _("workspace"),
    "device_loans": _("device lending"),
    "mobile_training": _("mobile training"),
    "joint_grant": _("joint grant"),
}
# Kinds of one-to-one help a patron books an appointment for.
HELP_KINDS = {
    "resume_help": _("resume help"),
    "job_application_help": _("job application help"),
    "tech_help": _("tech help"),
    "mentoring": _("a mentoring meeting"),
}
