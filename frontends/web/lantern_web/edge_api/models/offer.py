from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.device_kind import check_device_kind
from ..models.device_kind import DeviceKind
from ..models.offer_status import check_offer_status
from ..models.offer_status import OfferStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Offer")



@_attrs_define
class Offer:
    """ 
        Attributes:
            application_id (UUID):
            created_at (datetime.datetime):
            device_id (UUID):
            device_kind (DeviceKind):
            id (UUID):
            offered_at (datetime.datetime):
            patron_id (None | UUID):
            pickup_branch (str):
            pickup_until (datetime.datetime):
            status (OfferStatus):
            closed_at (datetime.datetime | None | Unset):
            loan_id (None | Unset | UUID):
     """

    application_id: UUID
    created_at: datetime.datetime
    device_id: UUID
    device_kind: DeviceKind
    id: UUID
    offered_at: datetime.datetime
    patron_id: None | UUID
    pickup_branch: str
    pickup_until: datetime.datetime
    status: OfferStatus
    closed_at: datetime.datetime | None | Unset = UNSET
    loan_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        application_id = str(self.application_id)

        created_at = self.created_at.isoformat()

        device_id = str(self.device_id)

        device_kind: str = self.device_kind

        id = str(self.id)

        offered_at = self.offered_at.isoformat()

        patron_id: None | str
        if isinstance(self.patron_id, UUID):
            patron_id = str(self.patron_id)
        else:
            patron_id = self.patron_id

        pickup_branch = self.pickup_branch

        pickup_until = self.pickup_until.isoformat()

        status: str = self.status

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        loan_id: None | str | Unset
        if isinstance(self.loan_id, Unset):
            loan_id = UNSET
        elif isinstance(self.loan_id, UUID):
            loan_id = str(self.loan_id)
        else:
            loan_id = self.loan_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "application_id": application_id,
            "created_at": created_at,
            "device_id": device_id,
            "device_kind": device_kind,
            "id": id,
            "offered_at": offered_at,
            "patron_id": patron_id,
            "pickup_branch": pickup_branch,
            "pickup_until": pickup_until,
            "status": status,
        })
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if loan_id is not UNSET:
            field_dict["loan_id"] = loan_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = UUID(d.pop("application_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        device_id = UUID(d.pop("device_id"))




        device_kind = check_device_kind(d.pop("device_kind"))




        id = UUID(d.pop("id"))




        offered_at = datetime.datetime.fromisoformat(d.pop("offered_at"))




        def _parse_patron_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                patron_id_type_0 = UUID(data)



                return patron_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        patron_id = _parse_patron_id(d.pop("patron_id"))


        pickup_branch = d.pop("pickup_branch")

        pickup_until = datetime.datetime.fromisoformat(d.pop("pickup_until"))




        status = check_offer_status(d.pop("status"))




        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)



                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))


        def _parse_loan_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                loan_id_type_0 = UUID(data)



                return loan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        loan_id = _parse_loan_id(d.pop("loan_id", UNSET))


        offer = cls(
            application_id=application_id,
            created_at=created_at,
            device_id=device_id,
            device_kind=device_kind,
            id=id,
            offered_at=offered_at,
            patron_id=patron_id,
            pickup_branch=pickup_branch,
            pickup_until=pickup_until,
            status=status,
            closed_at=closed_at,
            loan_id=loan_id,
        )


        offer.additional_properties = d
        return offer

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
