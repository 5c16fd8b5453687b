from typing import Literal

GetAppointmentSlotsKindType0 = Literal['job_application_help', 'mentoring', 'resume_help', 'tech_help']

GET_APPOINTMENT_SLOTS_KIND_TYPE_0_VALUES: set[GetAppointmentSlotsKindType0] = { 'job_application_help', 'mentoring', 'resume_help', 'tech_help',  }

def check_get_appointment_slots_kind_type_0(value: str) -> GetAppointmentSlotsKindType0:
    if value in GET_APPOINTMENT_SLOTS_KIND_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_APPOINTMENT_SLOTS_KIND_TYPE_0_VALUES!r}")
