from typing import Literal

SlotStatus = Literal['booked', 'cancelled', 'open']

SLOT_STATUS_VALUES: set[SlotStatus] = { 'booked', 'cancelled', 'open',  }

def check_slot_status(value: str) -> SlotStatus:
    if value in SLOT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SLOT_STATUS_VALUES!r}")
