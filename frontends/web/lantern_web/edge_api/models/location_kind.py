from typing import Literal

LocationKind = Literal['physical', 'postal', 'virtual']

LOCATION_KIND_VALUES: set[LocationKind] = { 'physical', 'postal', 'virtual',  }

def check_location_kind(value: str) -> LocationKind:
    if value in LOCATION_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LOCATION_KIND_VALUES!r}")
