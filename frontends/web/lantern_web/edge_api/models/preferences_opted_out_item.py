from typing import Literal

PreferencesOptedOutItem = Literal['broadcasts', 'programme_news', 'reminders']

PREFERENCES_OPTED_OUT_ITEM_VALUES: set[PreferencesOptedOutItem] = { 'broadcasts', 'programme_news', 'reminders',  }

def check_preferences_opted_out_item(value: str) -> PreferencesOptedOutItem:
    if value in PREFERENCES_OPTED_OUT_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PREFERENCES_OPTED_OUT_ITEM_VALUES!r}")
