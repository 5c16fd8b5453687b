from typing import Literal

GetSeriesRegistrationsStatusType0 = Literal['cancelled', 'confirmed', 'waitlisted']

GET_SERIES_REGISTRATIONS_STATUS_TYPE_0_VALUES: set[GetSeriesRegistrationsStatusType0] = { 'cancelled', 'confirmed', 'waitlisted',  }

def check_get_series_registrations_status_type_0(value: str) -> GetSeriesRegistrationsStatusType0:
    if value in GET_SERIES_REGISTRATIONS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_SERIES_REGISTRATIONS_STATUS_TYPE_0_VALUES!r}")
