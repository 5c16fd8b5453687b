from typing import Literal

GetAgreementsStateType0 = Literal['active', 'ended', 'upcoming']

GET_AGREEMENTS_STATE_TYPE_0_VALUES: set[GetAgreementsStateType0] = { 'active', 'ended', 'upcoming',  }

def check_get_agreements_state_type_0(value: str) -> GetAgreementsStateType0:
    if value in GET_AGREEMENTS_STATE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_AGREEMENTS_STATE_TYPE_0_VALUES!r}")
