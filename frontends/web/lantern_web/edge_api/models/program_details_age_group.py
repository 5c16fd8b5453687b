from typing import Literal

ProgramDetailsAgeGroup = Literal['adults', 'ages_0_5', 'ages_12_18', 'ages_6_11', 'general_interest']

PROGRAM_DETAILS_AGE_GROUP_VALUES: set[ProgramDetailsAgeGroup] = { 'adults', 'ages_0_5', 'ages_12_18', 'ages_6_11', 'general_interest',  }

def check_program_details_age_group(value: str) -> ProgramDetailsAgeGroup:
    if value in PROGRAM_DETAILS_AGE_GROUP_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROGRAM_DETAILS_AGE_GROUP_VALUES!r}")
