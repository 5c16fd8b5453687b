from typing import Literal

GetMeSeriesRegistrationsStatusType0 = Literal['cancelled', 'confirmed', 'waitlisted']

GET_ME_SERIES_REGISTRATIONS_STATUS_TYPE_0_VALUES: set[GetMeSeriesRegistrationsStatusType0] = { 'cancelled', 'confirmed', 'waitlisted',  }

def check_get_me_series_registrations_status_type_0(value: str) -> GetMeSeriesRegistrationsStatusType0:
    if value in GET_ME_SERIES_REGISTRATIONS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ME_SERIES_REGISTRATIONS_STATUS_TYPE_0_VALUES!r}")
