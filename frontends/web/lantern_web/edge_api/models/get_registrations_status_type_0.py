from typing import Literal

GetRegistrationsStatusType0 = Literal['cancelled', 'confirmed', 'waitlisted']

GET_REGISTRATIONS_STATUS_TYPE_0_VALUES: set[GetRegistrationsStatusType0] = { 'cancelled', 'confirmed', 'waitlisted',  }

def check_get_registrations_status_type_0(value: str) -> GetRegistrationsStatusType0:
    if value in GET_REGISTRATIONS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_REGISTRATIONS_STATUS_TYPE_0_VALUES!r}")
