from typing import Literal

BookingPurpose = Literal['partner_training', 'session']

BOOKING_PURPOSE_VALUES: set[BookingPurpose] = { 'partner_training', 'session',  }

def check_booking_purpose(value: str) -> BookingPurpose:
    if value in BOOKING_PURPOSE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BOOKING_PURPOSE_VALUES!r}")
