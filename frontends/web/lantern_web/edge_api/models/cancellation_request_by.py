from typing import Literal

CancellationRequestBy = Literal['patron', 'staff']

CANCELLATION_REQUEST_BY_VALUES: set[CancellationRequestBy] = { 'patron', 'staff',  }

def check_cancellation_request_by(value: str) -> CancellationRequestBy:
    if value in CANCELLATION_REQUEST_BY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CANCELLATION_REQUEST_BY_VALUES!r}")
