from typing import Literal

SessionFormat = Literal['in_person_off_site', 'in_person_on_site', 'live_virtual']

SESSION_FORMAT_VALUES: set[SessionFormat] = { 'in_person_off_site', 'in_person_on_site', 'live_virtual',  }

def check_session_format(value: str) -> SessionFormat:
    if value in SESSION_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SESSION_FORMAT_VALUES!r}")
