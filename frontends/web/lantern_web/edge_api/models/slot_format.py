from typing import Literal

SlotFormat = Literal['in_person_off_site', 'in_person_on_site', 'live_virtual']

SLOT_FORMAT_VALUES: set[SlotFormat] = { 'in_person_off_site', 'in_person_on_site', 'live_virtual',  }

def check_slot_format(value: str) -> SlotFormat:
    if value in SLOT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SLOT_FORMAT_VALUES!r}")
