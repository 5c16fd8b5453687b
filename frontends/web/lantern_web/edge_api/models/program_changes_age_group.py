from typing import Literal

ProgramChangesAgeGroup = Literal['adults', 'ages_0_5', 'ages_12_18', 'ages_6_11', 'general_interest']

PROGRAM_CHANGES_AGE_GROUP_VALUES: set[ProgramChangesAgeGroup] = { 'adults', 'ages_0_5', 'ages_12_18', 'ages_6_11', 'general_interest',  }

def check_program_changes_age_group(value: str) -> ProgramChangesAgeGroup:
    if value in PROGRAM_CHANGES_AGE_GROUP_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROGRAM_CHANGES_AGE_GROUP_VALUES!r}")
