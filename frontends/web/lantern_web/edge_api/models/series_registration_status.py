from typing import Literal

SeriesRegistrationStatus = Literal['cancelled', 'confirmed', 'waitlisted']

SERIES_REGISTRATION_STATUS_VALUES: set[SeriesRegistrationStatus] = { 'cancelled', 'confirmed', 'waitlisted',  }

def check_series_registration_status(value: str) -> SeriesRegistrationStatus:
    if value in SERIES_REGISTRATION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SERIES_REGISTRATION_STATUS_VALUES!r}")
