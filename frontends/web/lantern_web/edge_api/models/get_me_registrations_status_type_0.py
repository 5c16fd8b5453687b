from typing import Literal

GetMeRegistrationsStatusType0 = Literal['cancelled', 'confirmed', 'waitlisted']

GET_ME_REGISTRATIONS_STATUS_TYPE_0_VALUES: set[GetMeRegistrationsStatusType0] = { 'cancelled', 'confirmed', 'waitlisted',  }

def check_get_me_registrations_status_type_0(value: str) -> GetMeRegistrationsStatusType0:
    if value in GET_ME_REGISTRATIONS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ME_REGISTRATIONS_STATUS_TYPE_0_VALUES!r}")
