from typing import Literal

GetMeReferralsOutcomeType0 = Literal['contacted', 'declined', 'no_response', 'pending', 'served']

GET_ME_REFERRALS_OUTCOME_TYPE_0_VALUES: set[GetMeReferralsOutcomeType0] = { 'contacted', 'declined', 'no_response', 'pending', 'served',  }

def check_get_me_referrals_outcome_type_0(value: str) -> GetMeReferralsOutcomeType0:
    if value in GET_ME_REFERRALS_OUTCOME_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ME_REFERRALS_OUTCOME_TYPE_0_VALUES!r}")
