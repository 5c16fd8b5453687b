from typing import Literal

GetProgramsAgeGroupType0 = Literal['adults', 'ages_0_5', 'ages_12_18', 'ages_6_11', 'general_interest']

GET_PROGRAMS_AGE_GROUP_TYPE_0_VALUES: set[GetProgramsAgeGroupType0] = { 'adults', 'ages_0_5', 'ages_12_18', 'ages_6_11', 'general_interest',  }

def check_get_programs_age_group_type_0(value: str) -> GetProgramsAgeGroupType0:
    if value in GET_PROGRAMS_AGE_GROUP_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_PROGRAMS_AGE_GROUP_TYPE_0_VALUES!r}")
