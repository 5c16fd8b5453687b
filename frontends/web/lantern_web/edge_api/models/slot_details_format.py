from typing import Literal

SlotDetailsFormat = Literal['in_person_off_site', 'in_person_on_site', 'live_virtual']

SLOT_DETAILS_FORMAT_VALUES: set[SlotDetailsFormat] = { 'in_person_off_site', 'in_person_on_site', 'live_virtual',  }

def check_slot_details_format(value: str) -> SlotDetailsFormat:
    if value in SLOT_DETAILS_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SLOT_DETAILS_FORMAT_VALUES!r}")
