from typing import Literal

AgreementTermsKind = Literal['device_loans', 'expertise', 'in_kind', 'joint_grant', 'mobile_training', 'programming', 'workspace']

AGREEMENT_TERMS_KIND_VALUES: set[AgreementTermsKind] = { 'device_loans', 'expertise', 'in_kind', 'joint_grant', 'mobile_training', 'programming', 'workspace',  }

def check_agreement_terms_kind(value: str) -> AgreementTermsKind:
    if value in AGREEMENT_TERMS_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AGREEMENT_TERMS_KIND_VALUES!r}")
