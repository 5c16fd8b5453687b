from typing import Literal

BorrowerKind = Literal['partner', 'patron']

BORROWER_KIND_VALUES: set[BorrowerKind] = { 'partner', 'patron',  }

def check_borrower_kind(value: str) -> BorrowerKind:
    if value in BORROWER_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BORROWER_KIND_VALUES!r}")
