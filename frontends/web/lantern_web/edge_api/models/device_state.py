from typing import Literal

DeviceState = Literal['available', 'in_maintenance', 'lost', 'on_loan', 'quarantined', 'reserved', 'retired']

DEVICE_STATE_VALUES: set[DeviceState] = { 'available', 'in_maintenance', 'lost', 'on_loan', 'quarantined', 'reserved', 'retired',  }

def check_device_state(value: str) -> DeviceState:
    if value in DEVICE_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DEVICE_STATE_VALUES!r}")
