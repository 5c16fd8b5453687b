from typing import Literal

AttendanceRecordMethod = Literal['kiosk', 'staff']

ATTENDANCE_RECORD_METHOD_VALUES: set[AttendanceRecordMethod] = { 'kiosk', 'staff',  }

def check_attendance_record_method(value: str) -> AttendanceRecordMethod:
    if value in ATTENDANCE_RECORD_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ATTENDANCE_RECORD_METHOD_VALUES!r}")
