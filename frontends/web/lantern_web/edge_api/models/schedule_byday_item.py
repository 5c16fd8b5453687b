from typing import Literal

ScheduleBydayItem = Literal['FR', 'MO', 'SA', 'SU', 'TH', 'TU', 'WE']

SCHEDULE_BYDAY_ITEM_VALUES: set[ScheduleBydayItem] = { 'FR', 'MO', 'SA', 'SU', 'TH', 'TU', 'WE',  }

def check_schedule_byday_item(value: str) -> ScheduleBydayItem:
    if value in SCHEDULE_BYDAY_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SCHEDULE_BYDAY_ITEM_VALUES!r}")
