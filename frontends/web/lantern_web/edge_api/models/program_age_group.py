from typing import Literal

ProgramAgeGroup = Literal['adults', 'ages_0_5', 'ages_12_18', 'ages_6_11', 'general_interest']

PROGRAM_AGE_GROUP_VALUES: set[ProgramAgeGroup] = { 'adults', 'ages_0_5', 'ages_12_18', 'ages_6_11', 'general_interest',  }

def check_program_age_group(value: str) -> ProgramAgeGroup:
    if value in PROGRAM_AGE_GROUP_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROGRAM_AGE_GROUP_VALUES!r}")
