from typing import Literal

ApplicationStatus = Literal['lapsed', 'offered', 'served', 'waiting', 'withdrawn']

APPLICATION_STATUS_VALUES: set[ApplicationStatus] = { 'lapsed', 'offered', 'served', 'waiting', 'withdrawn',  }

def check_application_status(value: str) -> ApplicationStatus:
    if value in APPLICATION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {APPLICATION_STATUS_VALUES!r}")
