from typing import Literal

PartnerRecordKind = Literal['community_organization', 'government', 'health', 'higher_education', 'homelessness_services', 'other', 'school', 'social_services', 'workforce_development']

PARTNER_RECORD_KIND_VALUES: set[PartnerRecordKind] = { 'community_organization', 'government', 'health', 'higher_education', 'homelessness_services', 'other', 'school', 'social_services', 'workforce_development',  }

def check_partner_record_kind(value: str) -> PartnerRecordKind:
    if value in PARTNER_RECORD_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PARTNER_RECORD_KIND_VALUES!r}")
