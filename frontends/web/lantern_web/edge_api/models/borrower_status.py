from typing import Literal

BorrowerStatus = Literal['active', 'blocked', 'erased', 'lapsed', 'prospect']

BORROWER_STATUS_VALUES: set[BorrowerStatus] = { 'active', 'blocked', 'erased', 'lapsed', 'prospect',  }

def check_borrower_status(value: str) -> BorrowerStatus:
    if value in BORROWER_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BORROWER_STATUS_VALUES!r}")
