from typing import Literal

Need = Literal['benefits', 'health', 'job_search', 'other', 'school', 'staying_in_touch']

NEED_VALUES: set[Need] = { 'benefits', 'health', 'job_search', 'other', 'school', 'staying_in_touch',  }

def check_need(value: str) -> Need:
    if value in NEED_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NEED_VALUES!r}")
