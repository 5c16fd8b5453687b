from typing import Literal

BroadcastMessageCategory = Literal['broadcast', 'programme_news']

BROADCAST_MESSAGE_CATEGORY_VALUES: set[BroadcastMessageCategory] = { 'broadcast', 'programme_news',  }

def check_broadcast_message_category(value: str) -> BroadcastMessageCategory:
    if value in BROADCAST_MESSAGE_CATEGORY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BROADCAST_MESSAGE_CATEGORY_VALUES!r}")
