"""Sign-in codes go out at once, past the queue: a guest is waiting for one, and a code kept in the delivery log (or
held until quiet hours end) would be a secret at rest or useless by the time it arrived."""

import logging
import uuid

from ..deps import Deps
from ..delivery.mailer import Email
from ..domain.messages import MESSAGES, Channel, language_label
from ..domain.sign_in_codes import MESSAGE, SignInCode

log = logging.getLogger(__name__)


async def send(deps: Deps, code: SignInCode) -> bool:
    """True when the mail server took the message; nothing about it is stored, the code and address least of all."""
    assert deps.templates is not None and deps.mailer is not None
    rendered = deps.templates.render(MESSAGE, language=code.language, timezone=deps.policy.timezone,
                                     data={"code": code.code, "valid_minutes": code.valid_minutes}, recipient_name="")
    outcome = await deps.mailer.send(Email(to=code.email, to_name="", subject=rendered.subject, text=rendered.text,
                                           html=rendered.html, language=rendered.language,
                                           reference=f"code-{uuid.uuid4().hex}"))
    labels = (Channel.EMAIL.value, language_label(rendered.language), MESSAGES[MESSAGE].value)
    if outcome.accepted:
        deps.metrics.sent.labels(*labels).inc()
    else:
        deps.metrics.failed.labels(*labels).inc()
        log.warning("a sign-in code could not be sent", extra={"reason": outcome.reason})
    return outcome.accepted
