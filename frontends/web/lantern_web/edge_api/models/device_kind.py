from typing import Literal

DeviceKind = Literal['chromebook', 'hotspot', 'laptop', 'tablet', 'training_kit']

DEVICE_KIND_VALUES: set[DeviceKind] = { 'chromebook', 'hotspot', 'laptop', 'tablet', 'training_kit',  }

def check_device_kind(value: str) -> DeviceKind:
    if value in DEVICE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DEVICE_KIND_VALUES!r}")
