"""What a channel answers to a send, instead of raising: accepted, worth retrying, or never going to work (a
rejected address). Reasons are short codes, never the provider's text, which may echo an address."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    accepted: bool
    reason: str = ""
    permanent: bool = False  # retrying will not help
    invalid_address: bool = False  # the address or number itself was refused: remember it


ACCEPTED = Outcome(True)
