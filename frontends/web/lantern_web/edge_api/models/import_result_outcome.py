from typing import Literal

ImportResultOutcome = Literal['created', 'rejected', 'unchanged', 'updated']

IMPORT_RESULT_OUTCOME_VALUES: set[ImportResultOutcome] = { 'created', 'rejected', 'unchanged', 'updated',  }

def check_import_result_outcome(value: str) -> ImportResultOutcome:
    if value in IMPORT_RESULT_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMPORT_RESULT_OUTCOME_VALUES!r}")
