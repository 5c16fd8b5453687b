from typing import Literal

SeriesDetailsFormatType0 = Literal['in_person_off_site', 'in_person_on_site', 'live_virtual']

SERIES_DETAILS_FORMAT_TYPE_0_VALUES: set[SeriesDetailsFormatType0] = { 'in_person_off_site', 'in_person_on_site', 'live_virtual',  }

def check_series_details_format_type_0(value: str) -> SeriesDetailsFormatType0:
    if value in SERIES_DETAILS_FORMAT_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SERIES_DETAILS_FORMAT_TYPE_0_VALUES!r}")
