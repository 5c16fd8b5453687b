from typing import Literal

ServiceStatus = Literal['active', 'defunct', 'inactive', 'temporarily closed']

SERVICE_STATUS_VALUES: set[ServiceStatus] = { 'active', 'defunct', 'inactive', 'temporarily closed',  }

def check_service_status(value: str) -> ServiceStatus:
    if value in SERVICE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SERVICE_STATUS_VALUES!r}")
