from typing import Literal

GetProposalsStateType0 = Literal['applied', 'pending', 'rejected']

GET_PROPOSALS_STATE_TYPE_0_VALUES: set[GetProposalsStateType0] = { 'applied', 'pending', 'rejected',  }

def check_get_proposals_state_type_0(value: str) -> GetProposalsStateType0:
    if value in GET_PROPOSALS_STATE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_PROPOSALS_STATE_TYPE_0_VALUES!r}")
