from typing import Literal

OutcomeRequestOutcome = Literal['contacted', 'declined', 'no_response', 'served']

OUTCOME_REQUEST_OUTCOME_VALUES: set[OutcomeRequestOutcome] = { 'contacted', 'declined', 'no_response', 'served',  }

def check_outcome_request_outcome(value: str) -> OutcomeRequestOutcome:
    if value in OUTCOME_REQUEST_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {OUTCOME_REQUEST_OUTCOME_VALUES!r}")
