from typing import Literal

SlotKind = Literal['job_application_help', 'mentoring', 'resume_help', 'tech_help']

SLOT_KIND_VALUES: set[SlotKind] = { 'job_application_help', 'mentoring', 'resume_help', 'tech_help',  }

def check_slot_kind(value: str) -> SlotKind:
    if value in SLOT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SLOT_KIND_VALUES!r}")
