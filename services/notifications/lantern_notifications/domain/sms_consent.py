"""Consent to SMS: whether a recipient agreed to texts at their number, when and how; and the keywords by which a
person starts, stops or asks about texts by replying, in the library's five languages.

Consent belongs to a number: a patron who changes numbers has not agreed to texts at the new one.
"""

import unicodedata
from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel

from lantern_shared.models import RequestModel


class Source(StrEnum):
    ENROLMENT = "enrolment"  # asked when the patron enrolled
    PREFERENCES = "preferences"  # the patron (or staff with them) in their preferences
    KEYWORD = "keyword"  # the person replied STOP / START (or an equivalent) to one of our texts


class Consent(BaseModel):
    phone: str  # E.164; consent given at another number does not count
    opted_in: bool
    source: Source
    changed_at: datetime

    def covers(self, phone: str | None) -> bool:
        return self.opted_in and phone == self.phone


class ConsentChoice(RequestModel):
    """PUT .../sms-consent: the patron says yes or no to texts at the number on file."""

    opted_in: bool
    source: Literal[Source.PREFERENCES, Source.ENROLMENT] = Source.PREFERENCES


class Keyword(StrEnum):
    STOP = "stop"
    START = "start"
    HELP = "help"


# Whole-message keywords (trimmed, case and trailing punctuation ignored), with the language each is from, so
# the confirmation can answer in it when the sender is not someone we know. Chosen with care:
# - English: what US carriers and Twilio honour (CTIA), so a person's habit works everywhere.
# - Spanish: ALTO/PARAR/DETENER/CANCELAR/BAJA are the usual opt-out words of Spanish-language US programmes;
#   "SI" is not START: it is too often an answer to something else.
# - Vietnamese only with diacritics: bare "DUNG" and "HUY" are common given names (Dũng, Huy), and a person
#   texting their name must not be unsubscribed. HỦY and HUỶ are the same word (two tone-mark placements).
# - Chinese: 退订 (unsubscribe, what Chinese SMS programmes use), 停止 (stop), 取消订阅; 订阅/开始 to start.
# - Russian: СТОП, ОТПИСАТЬСЯ/ОТПИСКА; СТАРТ/ПОДПИСАТЬСЯ; ПОМОЩЬ/СПРАВКА.
KEYWORDS: dict[str, tuple[Keyword, str]] = {
    **{w: (Keyword.STOP, "en") for w in ("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "optout",
                                         "opt out", "revoke")},
    **{w: (Keyword.START, "en") for w in ("start", "unstop", "yes", "subscribe")},
    **{w: (Keyword.HELP, "en") for w in ("help", "info")},
    **{w: (Keyword.STOP, "es") for w in ("alto", "parar", "detener", "cancelar", "baja")},
    **{w: (Keyword.START, "es") for w in ("comenzar", "iniciar", "alta")},
    **{w: (Keyword.HELP, "es") for w in ("ayuda",)},
    **{w: (Keyword.STOP, "vi") for w in ("dừng", "hủy", "huỷ", "ngừng")},
    **{w: (Keyword.START, "vi") for w in ("bắt đầu", "đăng ký")},
    **{w: (Keyword.HELP, "vi") for w in ("giúp", "trợ giúp")},
    **{w: (Keyword.STOP, "zh-Hans") for w in ("退订", "停止", "取消订阅")},
    **{w: (Keyword.START, "zh-Hans") for w in ("订阅", "开始")},
    **{w: (Keyword.HELP, "zh-Hans") for w in ("帮助",)},
    **{w: (Keyword.STOP, "ru") for w in ("стоп", "отписаться", "отписка")},
    **{w: (Keyword.START, "ru") for w in ("старт", "подписаться")},
    **{w: (Keyword.HELP, "ru") for w in ("помощь", "справка")},
}


def keyword(body: str) -> tuple[Keyword, str] | None:
    """The keyword a whole message is, with its language; None for anything else (a question, a name, a reply)."""
    text = unicodedata.normalize("NFC", body).strip().rstrip(".!。！").strip().casefold()
    return KEYWORDS.get(" ".join(text.split()))
