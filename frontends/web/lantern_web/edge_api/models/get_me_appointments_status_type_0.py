from typing import Literal

GetMeAppointmentsStatusType0 = Literal['booked', 'cancelled', 'open']

GET_ME_APPOINTMENTS_STATUS_TYPE_0_VALUES: set[GetMeAppointmentsStatusType0] = { 'booked', 'cancelled', 'open',  }

def check_get_me_appointments_status_type_0(value: str) -> GetMeAppointmentsStatusType0:
    if value in GET_ME_APPOINTMENTS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ME_APPOINTMENTS_STATUS_TYPE_0_VALUES!r}")
