from typing import Literal

Source = Literal['enrolment', 'keyword', 'preferences']

SOURCE_VALUES: set[Source] = { 'enrolment', 'keyword', 'preferences',  }

def check_source(value: str) -> Source:
    if value in SOURCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SOURCE_VALUES!r}")
