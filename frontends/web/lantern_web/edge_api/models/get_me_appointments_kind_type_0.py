from typing import Literal

GetMeAppointmentsKindType0 = Literal['job_application_help', 'mentoring', 'resume_help', 'tech_help']

GET_ME_APPOINTMENTS_KIND_TYPE_0_VALUES: set[GetMeAppointmentsKindType0] = { 'job_application_help', 'mentoring', 'resume_help', 'tech_help',  }

def check_get_me_appointments_kind_type_0(value: str) -> GetMeAppointmentsKindType0:
    if value in GET_ME_APPOINTMENTS_KIND_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ME_APPOINTMENTS_KIND_TYPE_0_VALUES!r}")
