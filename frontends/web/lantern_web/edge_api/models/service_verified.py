from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ServiceVerified")



@_attrs_define
class ServiceVerified:
    """ 
        Attributes:
            partner_id (UUID):
            service_id (UUID):
            verified_on (datetime.date):
     """

    partner_id: UUID
    service_id: UUID
    verified_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        partner_id = str(self.partner_id)

        service_id = str(self.service_id)

        verified_on = self.verified_on.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "partner_id": partner_id,
            "service_id": service_id,
            "verified_on": verified_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        partner_id = UUID(d.pop("partner_id"))




        service_id = UUID(d.pop("service_id"))




        verified_on = datetime.date.fromisoformat(d.pop("verified_on"))




        service_verified = cls(
            partner_id=partner_id,
            service_id=service_id,
            verified_on=verified_on,
        )


        service_verified.additional_properties = d
        return service_verified

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
