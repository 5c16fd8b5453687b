from typing import Literal

SessionDetailsFormatType0 = Literal['in_person_off_site', 'in_person_on_site', 'live_virtual']

SESSION_DETAILS_FORMAT_TYPE_0_VALUES: set[SessionDetailsFormatType0] = { 'in_person_off_site', 'in_person_on_site', 'live_virtual',  }

def check_session_details_format_type_0(value: str) -> SessionDetailsFormatType0:
    if value in SESSION_DETAILS_FORMAT_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SESSION_DETAILS_FORMAT_TYPE_0_VALUES!r}")
