from typing import Literal

SubmittedBy = Literal['partner', 'patron', 'staff']

SUBMITTED_BY_VALUES: set[SubmittedBy] = { 'partner', 'patron', 'staff',  }

def check_submitted_by(value: str) -> SubmittedBy:
    if value in SUBMITTED_BY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBMITTED_BY_VALUES!r}")
