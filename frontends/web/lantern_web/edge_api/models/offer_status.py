from typing import Literal

OfferStatus = Literal['accepted', 'lapsed', 'open', 'withdrawn']

OFFER_STATUS_VALUES: set[OfferStatus] = { 'accepted', 'lapsed', 'open', 'withdrawn',  }

def check_offer_status(value: str) -> OfferStatus:
    if value in OFFER_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {OFFER_STATUS_VALUES!r}")
