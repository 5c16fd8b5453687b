from typing import Literal

StateChangeRequestToState = Literal['available', 'in_maintenance', 'lost', 'quarantined', 'retired']

STATE_CHANGE_REQUEST_TO_STATE_VALUES: set[StateChangeRequestToState] = { 'available', 'in_maintenance', 'lost', 'quarantined', 'retired',  }

def check_state_change_request_to_state(value: str) -> StateChangeRequestToState:
    if value in STATE_CHANGE_REQUEST_TO_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATE_CHANGE_REQUEST_TO_STATE_VALUES!r}")
