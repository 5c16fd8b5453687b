"""The cursor of the lists ordered by a sequence number (inboxes, the delivery log)."""

from lantern_shared.pagination import PageRequest
from lantern_shared.refusals import invalid


def after_seq(page: PageRequest) -> int | None:
    if not page.after:
        return None
    if len(page.after) != 1 or not isinstance(page.after[0], int):
        raise invalid("cursor", "cursor is not one this API issued")
    return page.after[0]
