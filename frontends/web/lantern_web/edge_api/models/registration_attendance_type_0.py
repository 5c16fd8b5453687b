from typing import Literal

RegistrationAttendanceType0 = Literal['attended', 'no_show']

REGISTRATION_ATTENDANCE_TYPE_0_VALUES: set[RegistrationAttendanceType0] = { 'attended', 'no_show',  }

def check_registration_attendance_type_0(value: str) -> RegistrationAttendanceType0:
    if value in REGISTRATION_ATTENDANCE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REGISTRATION_ATTENDANCE_TYPE_0_VALUES!r}")
