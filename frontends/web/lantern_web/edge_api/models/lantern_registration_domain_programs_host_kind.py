from typing import Literal

LanternRegistrationDomainProgramsHostKind = Literal['branch', 'partner']

LANTERN_REGISTRATION_DOMAIN_PROGRAMS_HOST_KIND_VALUES: set[LanternRegistrationDomainProgramsHostKind] = { 'branch', 'partner',  }

def check_lantern_registration_domain_programs_host_kind(value: str) -> LanternRegistrationDomainProgramsHostKind:
    if value in LANTERN_REGISTRATION_DOMAIN_PROGRAMS_HOST_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LANTERN_REGISTRATION_DOMAIN_PROGRAMS_HOST_KIND_VALUES!r}")
