from typing import Literal

ProposalState = Literal['applied', 'pending', 'rejected']

PROPOSAL_STATE_VALUES: set[ProposalState] = { 'applied', 'pending', 'rejected',  }

def check_proposal_state(value: str) -> ProposalState:
    if value in PROPOSAL_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROPOSAL_STATE_VALUES!r}")
