from typing import Literal

GetSessionsStatusType0 = Literal['cancelled', 'completed', 'equipment_pending', 'equipment_shortfall', 'ready', 'scheduled']

GET_SESSIONS_STATUS_TYPE_0_VALUES: set[GetSessionsStatusType0] = { 'cancelled', 'completed', 'equipment_pending', 'equipment_shortfall', 'ready', 'scheduled',  }

def check_get_sessions_status_type_0(value: str) -> GetSessionsStatusType0:
    if value in GET_SESSIONS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_SESSIONS_STATUS_TYPE_0_VALUES!r}")
