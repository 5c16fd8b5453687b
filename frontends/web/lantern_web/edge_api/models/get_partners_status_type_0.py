from typing import Literal

GetPartnersStatusType0 = Literal['active', 'lapsed', 'prospect']

GET_PARTNERS_STATUS_TYPE_0_VALUES: set[GetPartnersStatusType0] = { 'active', 'lapsed', 'prospect',  }

def check_get_partners_status_type_0(value: str) -> GetPartnersStatusType0:
    if value in GET_PARTNERS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_PARTNERS_STATUS_TYPE_0_VALUES!r}")
