from typing import Literal

FollowUpApplied = Literal['no', 'partly', 'yes']

FOLLOW_UP_APPLIED_VALUES: set[FollowUpApplied] = { 'no', 'partly', 'yes',  }

def check_follow_up_applied(value: str) -> FollowUpApplied:
    if value in FOLLOW_UP_APPLIED_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FOLLOW_UP_APPLIED_VALUES!r}")
