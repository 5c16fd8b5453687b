from typing import Literal

GetMeLoansStatusType0 = Literal['open', 'overdue', 'returned']

GET_ME_LOANS_STATUS_TYPE_0_VALUES: set[GetMeLoansStatusType0] = { 'open', 'overdue', 'returned',  }

def check_get_me_loans_status_type_0(value: str) -> GetMeLoansStatusType0:
    if value in GET_ME_LOANS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ME_LOANS_STATUS_TYPE_0_VALUES!r}")
