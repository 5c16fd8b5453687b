from typing import Literal

PlaceTurnoutKind = Literal['branch', 'online', 'partner_site']

PLACE_TURNOUT_KIND_VALUES: set[PlaceTurnoutKind] = { 'branch', 'online', 'partner_site',  }

def check_place_turnout_kind(value: str) -> PlaceTurnoutKind:
    if value in PLACE_TURNOUT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PLACE_TURNOUT_KIND_VALUES!r}")
