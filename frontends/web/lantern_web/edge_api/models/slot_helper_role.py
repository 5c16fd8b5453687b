from typing import Literal

SlotHelperRole = Literal['staff', 'volunteer']

SLOT_HELPER_ROLE_VALUES: set[SlotHelperRole] = { 'staff', 'volunteer',  }

def check_slot_helper_role(value: str) -> SlotHelperRole:
    if value in SLOT_HELPER_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SLOT_HELPER_ROLE_VALUES!r}")
