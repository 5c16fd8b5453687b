from typing import Literal

SlotDetailsKind = Literal['job_application_help', 'mentoring', 'resume_help', 'tech_help']

SLOT_DETAILS_KIND_VALUES: set[SlotDetailsKind] = { 'job_application_help', 'mentoring', 'resume_help', 'tech_help',  }

def check_slot_details_kind(value: str) -> SlotDetailsKind:
    if value in SLOT_DETAILS_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SLOT_DETAILS_KIND_VALUES!r}")
