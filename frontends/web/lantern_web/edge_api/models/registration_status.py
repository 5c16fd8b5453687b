from typing import Literal

RegistrationStatus = Literal['cancelled', 'confirmed', 'waitlisted']

REGISTRATION_STATUS_VALUES: set[RegistrationStatus] = { 'cancelled', 'confirmed', 'waitlisted',  }

def check_registration_status(value: str) -> RegistrationStatus:
    if value in REGISTRATION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REGISTRATION_STATUS_VALUES!r}")
