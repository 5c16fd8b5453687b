from typing import Literal

SlotAttendanceType0 = Literal['attended', 'no_show']

SLOT_ATTENDANCE_TYPE_0_VALUES: set[SlotAttendanceType0] = { 'attended', 'no_show',  }

def check_slot_attendance_type_0(value: str) -> SlotAttendanceType0:
    if value in SLOT_ATTENDANCE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SLOT_ATTENDANCE_TYPE_0_VALUES!r}")
