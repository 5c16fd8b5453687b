from typing import Literal

GetPartnersKindType0 = Literal['community_organization', 'government', 'health', 'higher_education', 'homelessness_services', 'other', 'school', 'social_services', 'workforce_development']

GET_PARTNERS_KIND_TYPE_0_VALUES: set[GetPartnersKindType0] = { 'community_organization', 'government', 'health', 'higher_education', 'homelessness_services', 'other', 'school', 'social_services', 'workforce_development',  }

def check_get_partners_kind_type_0(value: str) -> GetPartnersKindType0:
    if value in GET_PARTNERS_KIND_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_PARTNERS_KIND_TYPE_0_VALUES!r}")
