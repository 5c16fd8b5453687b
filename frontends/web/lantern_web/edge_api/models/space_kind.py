from typing import Literal

SpaceKind = Literal['computer_lab', 'makerspace', 'meeting_room', 'study_room']

SPACE_KIND_VALUES: set[SpaceKind] = { 'computer_lab', 'makerspace', 'meeting_room', 'study_room',  }

def check_space_kind(value: str) -> SpaceKind:
    if value in SPACE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SPACE_KIND_VALUES!r}")
