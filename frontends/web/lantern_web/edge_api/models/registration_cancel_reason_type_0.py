from typing import Literal

RegistrationCancelReasonType0 = Literal['left_waitlist', 'patron_cancelled', 'session_cancelled', 'staff_cancelled']

REGISTRATION_CANCEL_REASON_TYPE_0_VALUES: set[RegistrationCancelReasonType0] = { 'left_waitlist', 'patron_cancelled', 'session_cancelled', 'staff_cancelled',  }

def check_registration_cancel_reason_type_0(value: str) -> RegistrationCancelReasonType0:
    if value in REGISTRATION_CANCEL_REASON_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REGISTRATION_CANCEL_REASON_TYPE_0_VALUES!r}")
