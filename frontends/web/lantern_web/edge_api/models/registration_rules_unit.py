from typing import Literal

RegistrationRulesUnit = Literal['series', 'session']

REGISTRATION_RULES_UNIT_VALUES: set[RegistrationRulesUnit] = { 'series', 'session',  }

def check_registration_rules_unit(value: str) -> RegistrationRulesUnit:
    if value in REGISTRATION_RULES_UNIT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REGISTRATION_RULES_UNIT_VALUES!r}")
