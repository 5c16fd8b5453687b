from typing import Literal

GetMeAgreementsStateType0 = Literal['active', 'ended', 'upcoming']

GET_ME_AGREEMENTS_STATE_TYPE_0_VALUES: set[GetMeAgreementsStateType0] = { 'active', 'ended', 'upcoming',  }

def check_get_me_agreements_state_type_0(value: str) -> GetMeAgreementsStateType0:
    if value in GET_ME_AGREEMENTS_STATE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ME_AGREEMENTS_STATE_TYPE_0_VALUES!r}")
