from typing import Literal

StatusChangeRequestStatus = Literal['active', 'lapsed', 'prospect']

STATUS_CHANGE_REQUEST_STATUS_VALUES: set[StatusChangeRequestStatus] = { 'active', 'lapsed', 'prospect',  }

def check_status_change_request_status(value: str) -> StatusChangeRequestStatus:
    if value in STATUS_CHANGE_REQUEST_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATUS_CHANGE_REQUEST_STATUS_VALUES!r}")
