from typing import Literal

HostInputKind = Literal['branch', 'partner']

HOST_INPUT_KIND_VALUES: set[HostInputKind] = { 'branch', 'partner',  }

def check_host_input_kind(value: str) -> HostInputKind:
    if value in HOST_INPUT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HOST_INPUT_KIND_VALUES!r}")
