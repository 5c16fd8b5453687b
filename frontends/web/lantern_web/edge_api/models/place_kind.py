from typing import Literal

PlaceKind = Literal['branch', 'online', 'partner_site']

PLACE_KIND_VALUES: set[PlaceKind] = { 'branch', 'online', 'partner_site',  }

def check_place_kind(value: str) -> PlaceKind:
    if value in PLACE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PLACE_KIND_VALUES!r}")
