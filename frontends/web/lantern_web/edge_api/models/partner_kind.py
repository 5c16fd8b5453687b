from typing import Literal

PartnerKind = Literal['community_organization', 'government', 'health', 'higher_education', 'homelessness_services', 'other', 'school', 'social_services', 'workforce_development']

PARTNER_KIND_VALUES: set[PartnerKind] = { 'community_organization', 'government', 'health', 'higher_education', 'homelessness_services', 'other', 'school', 'social_services', 'workforce_development',  }

def check_partner_kind(value: str) -> PartnerKind:
    if value in PARTNER_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PARTNER_KIND_VALUES!r}")
