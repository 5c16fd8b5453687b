from typing import Literal

ConsentChoiceSource = Literal['enrolment', 'preferences']

CONSENT_CHOICE_SOURCE_VALUES: set[ConsentChoiceSource] = { 'enrolment', 'preferences',  }

def check_consent_choice_source(value: str) -> ConsentChoiceSource:
    if value in CONSENT_CHOICE_SOURCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONSENT_CHOICE_SOURCE_VALUES!r}")
