from typing import Literal

PatronCardStatus = Literal['active', 'blocked', 'expired']

PATRON_CARD_STATUS_VALUES: set[PatronCardStatus] = { 'active', 'blocked', 'expired',  }

def check_patron_card_status(value: str) -> PatronCardStatus:
    if value in PATRON_CARD_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PATRON_CARD_STATUS_VALUES!r}")
