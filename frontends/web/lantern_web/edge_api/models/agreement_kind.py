from typing import Literal

AgreementKind = Literal['device_loans', 'expertise', 'in_kind', 'joint_grant', 'mobile_training', 'programming', 'workspace']

AGREEMENT_KIND_VALUES: set[AgreementKind] = { 'device_loans', 'expertise', 'in_kind', 'joint_grant', 'mobile_training', 'programming', 'workspace',  }

def check_agreement_kind(value: str) -> AgreementKind:
    if value in AGREEMENT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AGREEMENT_KIND_VALUES!r}")
