from typing import Literal

SeriesChangesFormatType0 = Literal['in_person_off_site', 'in_person_on_site', 'live_virtual']

SERIES_CHANGES_FORMAT_TYPE_0_VALUES: set[SeriesChangesFormatType0] = { 'in_person_off_site', 'in_person_on_site', 'live_virtual',  }

def check_series_changes_format_type_0(value: str) -> SeriesChangesFormatType0:
    if value in SERIES_CHANGES_FORMAT_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SERIES_CHANGES_FORMAT_TYPE_0_VALUES!r}")
