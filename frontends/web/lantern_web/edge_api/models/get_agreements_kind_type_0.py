from typing import Literal

GetAgreementsKindType0 = Literal['device_loans', 'expertise', 'in_kind', 'joint_grant', 'mobile_training', 'programming', 'workspace']

GET_AGREEMENTS_KIND_TYPE_0_VALUES: set[GetAgreementsKindType0] = { 'device_loans', 'expertise', 'in_kind', 'joint_grant', 'mobile_training', 'programming', 'workspace',  }

def check_get_agreements_kind_type_0(value: str) -> GetAgreementsKindType0:
    if value in GET_AGREEMENTS_KIND_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_AGREEMENTS_KIND_TYPE_0_VALUES!r}")
