from typing import Literal

GetAppointmentSlotsStatusType0 = Literal['booked', 'cancelled', 'open']

GET_APPOINTMENT_SLOTS_STATUS_TYPE_0_VALUES: set[GetAppointmentSlotsStatusType0] = { 'booked', 'cancelled', 'open',  }

def check_get_appointment_slots_status_type_0(value: str) -> GetAppointmentSlotsStatusType0:
    if value in GET_APPOINTMENT_SLOTS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_APPOINTMENT_SLOTS_STATUS_TYPE_0_VALUES!r}")
