from typing import Literal

SeriesDetailsAgeGroupType0 = Literal['adults', 'ages_0_5', 'ages_12_18', 'ages_6_11', 'general_interest']

SERIES_DETAILS_AGE_GROUP_TYPE_0_VALUES: set[SeriesDetailsAgeGroupType0] = { 'adults', 'ages_0_5', 'ages_12_18', 'ages_6_11', 'general_interest',  }

def check_series_details_age_group_type_0(value: str) -> SeriesDetailsAgeGroupType0:
    if value in SERIES_DETAILS_AGE_GROUP_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SERIES_DETAILS_AGE_GROUP_TYPE_0_VALUES!r}")
