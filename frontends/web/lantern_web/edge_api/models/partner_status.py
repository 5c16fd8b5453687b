from typing import Literal

PartnerStatus = Literal['active', 'lapsed', 'prospect']

PARTNER_STATUS_VALUES: set[PartnerStatus] = { 'active', 'lapsed', 'prospect',  }

def check_partner_status(value: str) -> PartnerStatus:
    if value in PARTNER_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PARTNER_STATUS_VALUES!r}")
