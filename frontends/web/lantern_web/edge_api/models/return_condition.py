from typing import Literal

ReturnCondition = Literal['damaged', 'good', 'worn']

RETURN_CONDITION_VALUES: set[ReturnCondition] = { 'damaged', 'good', 'worn',  }

def check_return_condition(value: str) -> ReturnCondition:
    if value in RETURN_CONDITION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETURN_CONDITION_VALUES!r}")
