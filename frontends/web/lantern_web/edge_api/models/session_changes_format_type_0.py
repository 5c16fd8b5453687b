from typing import Literal

SessionChangesFormatType0 = Literal['in_person_off_site', 'in_person_on_site', 'live_virtual']

SESSION_CHANGES_FORMAT_TYPE_0_VALUES: set[SessionChangesFormatType0] = { 'in_person_off_site', 'in_person_on_site', 'live_virtual',  }

def check_session_changes_format_type_0(value: str) -> SessionChangesFormatType0:
    if value in SESSION_CHANGES_FORMAT_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SESSION_CHANGES_FORMAT_TYPE_0_VALUES!r}")
