from typing import Literal

Status = Literal['cancelled', 'failed', 'scheduled', 'sending', 'sent', 'suppressed']

STATUS_VALUES: set[Status] = { 'cancelled', 'failed', 'scheduled', 'sending', 'sent', 'suppressed',  }

def check_status(value: str) -> Status:
    if value in STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATUS_VALUES!r}")
