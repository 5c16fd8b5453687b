from typing import Literal

SlotDetailsHelperRole = Literal['staff', 'volunteer']

SLOT_DETAILS_HELPER_ROLE_VALUES: set[SlotDetailsHelperRole] = { 'staff', 'volunteer',  }

def check_slot_details_helper_role(value: str) -> SlotDetailsHelperRole:
    if value in SLOT_DETAILS_HELPER_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SLOT_DETAILS_HELPER_ROLE_VALUES!r}")
