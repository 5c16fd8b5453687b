from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="OverdueRecord")



@_attrs_define
class OverdueRecord:
    """ 
        Attributes:
            partner_id (UUID):
            partner_name (str):
            service_id (UUID):
            service_name (str):
            verified_on (datetime.date | None):
     """

    partner_id: UUID
    partner_name: str
    service_id: UUID
    service_name: str
    verified_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        partner_id = str(self.partner_id)

        partner_name = self.partner_name

        service_id = str(self.service_id)

        service_name = self.service_name

        verified_on: None | str
        if isinstance(self.verified_on, datetime.date):
            verified_on = self.verified_on.isoformat()
        else:
            verified_on = self.verified_on


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "partner_id": partner_id,
            "partner_name": partner_name,
            "service_id": service_id,
            "service_name": service_name,
            "verified_on": verified_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        partner_id = UUID(d.pop("partner_id"))




        partner_name = d.pop("partner_name")

        service_id = UUID(d.pop("service_id"))




        service_name = d.pop("service_name")

        def _parse_verified_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verified_on_type_0 = datetime.date.fromisoformat(data)



                return verified_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        verified_on = _parse_verified_on(d.pop("verified_on"))


        overdue_record = cls(
            partner_id=partner_id,
            partner_name=partner_name,
            service_id=service_id,
            service_name=service_name,
            verified_on=verified_on,
        )


        overdue_record.additional_properties = d
        return overdue_record

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
