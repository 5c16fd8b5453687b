from typing import Literal

SeriesChangesAgeGroupType0 = Literal['adults', 'ages_0_5', 'ages_12_18', 'ages_6_11', 'general_interest']

SERIES_CHANGES_AGE_GROUP_TYPE_0_VALUES: set[SeriesChangesAgeGroupType0] = { 'adults', 'ages_0_5', 'ages_12_18', 'ages_6_11', 'general_interest',  }

def check_series_changes_age_group_type_0(value: str) -> SeriesChangesAgeGroupType0:
    if value in SERIES_CHANGES_AGE_GROUP_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SERIES_CHANGES_AGE_GROUP_TYPE_0_VALUES!r}")
