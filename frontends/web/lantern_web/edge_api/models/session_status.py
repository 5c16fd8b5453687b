from typing import Literal

SessionStatus = Literal['cancelled', 'completed', 'equipment_pending', 'equipment_shortfall', 'ready', 'scheduled']

SESSION_STATUS_VALUES: set[SessionStatus] = { 'cancelled', 'completed', 'equipment_pending', 'equipment_shortfall', 'ready', 'scheduled',  }

def check_session_status(value: str) -> SessionStatus:
    if value in SESSION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SESSION_STATUS_VALUES!r}")
