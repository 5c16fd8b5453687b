from typing import Literal

RegistrationRulesMode = Literal['open', 'staff_only']

REGISTRATION_RULES_MODE_VALUES: set[RegistrationRulesMode] = { 'open', 'staff_only',  }

def check_registration_rules_mode(value: str) -> RegistrationRulesMode:
    if value in REGISTRATION_RULES_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REGISTRATION_RULES_MODE_VALUES!r}")
