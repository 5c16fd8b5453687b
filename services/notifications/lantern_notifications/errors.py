"""The refusals notifications gives beyond a plain not-found: a delivery that cannot be tried again."""

from lantern_shared.refusals import Refusal, conflict


def not_retryable(status_now: str) -> Refusal:
    return conflict("not_retryable", "Only a failed delivery whose recipient and message data are still kept can be "
                    "sent again.", status_now=status_now)
