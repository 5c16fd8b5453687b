from typing import Literal

GetLoansStatusType0 = Literal['open', 'overdue', 'returned']

GET_LOANS_STATUS_TYPE_0_VALUES: set[GetLoansStatusType0] = { 'open', 'overdue', 'returned',  }

def check_get_loans_status_type_0(value: str) -> GetLoansStatusType0:
    if value in GET_LOANS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_LOANS_STATUS_TYPE_0_VALUES!r}")
