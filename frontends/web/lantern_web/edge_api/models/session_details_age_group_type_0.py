from typing import Literal

SessionDetailsAgeGroupType0 = Literal['adults', 'ages_0_5', 'ages_12_18', 'ages_6_11', 'general_interest']

SESSION_DETAILS_AGE_GROUP_TYPE_0_VALUES: set[SessionDetailsAgeGroupType0] = { 'adults', 'ages_0_5', 'ages_12_18', 'ages_6_11', 'general_interest',  }

def check_session_details_age_group_type_0(value: str) -> SessionDetailsAgeGroupType0:
    if value in SESSION_DETAILS_AGE_GROUP_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SESSION_DETAILS_AGE_GROUP_TYPE_0_VALUES!r}")
