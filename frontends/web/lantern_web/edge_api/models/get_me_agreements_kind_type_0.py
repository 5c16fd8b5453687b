from typing import Literal

GetMeAgreementsKindType0 = Literal['device_loans', 'expertise', 'in_kind', 'joint_grant', 'mobile_training', 'programming', 'workspace']

GET_ME_AGREEMENTS_KIND_TYPE_0_VALUES: set[GetMeAgreementsKindType0] = { 'device_loans', 'expertise', 'in_kind', 'joint_grant', 'mobile_training', 'programming', 'workspace',  }

def check_get_me_agreements_kind_type_0(value: str) -> GetMeAgreementsKindType0:
    if value in GET_ME_AGREEMENTS_KIND_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ME_AGREEMENTS_KIND_TYPE_0_VALUES!r}")
