"""What Lantern texts back when someone sends STOP, START or HELP, in each of the library's five languages.

Kept here, in one small table, until the notices' PO catalogs (issue 17, languages) are on main; then these move
into the catalogs with everything else a person reads. `{library}` is the library's name.
"""

from .sms_consent import Keyword

REPLIES: dict[str, dict[Keyword, str]] = {
    "en": {
        Keyword.STOP: "{library}: you will get no more texts from us. Reply START to get them again.",
        Keyword.START: "{library}: you will get texts from us again. Reply STOP to stop, HELP for help.",
        Keyword.HELP: "{library}: notices about your sessions and loans. Msg & data rates may apply. "
                      "Reply STOP to stop. Ask at any branch for help.",
    },
    "es": {
        Keyword.STOP: "{library}: ya no recibirá más mensajes nuestros. Responda START para recibirlos de nuevo.",
        Keyword.START: "{library}: volverá a recibir nuestros mensajes. Responda ALTO para dejar de recibirlos.",
        Keyword.HELP: "{library}: avisos sobre sus sesiones y préstamos. Pueden aplicarse tarifas. "
                      "Responda ALTO para dejar de recibirlos. Pida ayuda en cualquier sucursal.",
    },
    "vi": {
        Keyword.STOP: "{library}: quý vị sẽ không nhận tin nhắn của chúng tôi nữa. Trả lời START để nhận lại.",
        Keyword.START: "{library}: quý vị sẽ nhận lại tin nhắn của chúng tôi. Trả lời DỪNG để ngừng nhận.",
        Keyword.HELP: "{library}: thông báo về buổi học và thiết bị mượn. Có thể mất phí tin nhắn. "
                      "Trả lời DỪNG để ngừng nhận.",
    },
    "zh-Hans": {
        Keyword.STOP: "{library}：您将不再收到我们的短信。回复 START 可重新接收。",
        Keyword.START: "{library}：您将重新收到我们的短信。回复 退订 可停止接收。",
        Keyword.HELP: "{library}：有关您的课程和借用设备的通知。可能产生短信费用。回复 退订 可停止接收。",
    },
    "ru": {
        Keyword.STOP: "{library}: вы больше не будете получать от нас сообщения. Ответьте START, чтобы снова их получать.",
        Keyword.START: "{library}: вы снова будете получать наши сообщения. Ответьте СТОП, чтобы отказаться.",
        Keyword.HELP: "{library}: уведомления о ваших занятиях и выданных устройствах. Может взиматься плата. "
                      "Ответьте СТОП, чтобы отказаться.",
    },
}


def reply(kind: Keyword, language: str, library: str) -> str:
    """The confirmation in `language` ("zh-Hans-CN" falls back to "zh-Hans"), else English."""
    tag = language
    while tag and tag not in REPLIES:
        tag = tag.rpartition("-")[0]
    return REPLIES[tag or "en"][kind].format(library=library)
