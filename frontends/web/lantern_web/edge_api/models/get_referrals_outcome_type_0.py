from typing import Literal

GetReferralsOutcomeType0 = Literal['contacted', 'declined', 'no_response', 'pending', 'served']

GET_REFERRALS_OUTCOME_TYPE_0_VALUES: set[GetReferralsOutcomeType0] = { 'contacted', 'declined', 'no_response', 'pending', 'served',  }

def check_get_referrals_outcome_type_0(value: str) -> GetReferralsOutcomeType0:
    if value in GET_REFERRALS_OUTCOME_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_REFERRALS_OUTCOME_TYPE_0_VALUES!r}")
