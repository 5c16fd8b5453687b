from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reservation_status import check_reservation_status
from ..models.reservation_status import ReservationStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.reservation_missing import ReservationMissing
  from ..models.reservation_requested import ReservationRequested





T = TypeVar("T", bound="Reservation")



@_attrs_define
class Reservation:
    """ 
        Attributes:
            created_at (datetime.datetime):
            ends_at (datetime.datetime):
            id (UUID):
            purpose (str):
            requested (ReservationRequested):
            starts_at (datetime.datetime):
            status (ReservationStatus):
            updated_at (datetime.datetime):
            device_ids (list[UUID] | Unset):
            missing (ReservationMissing | Unset):
            partner_id (None | Unset | UUID):
     """

    created_at: datetime.datetime
    ends_at: datetime.datetime
    id: UUID
    purpose: str
    requested: ReservationRequested
    starts_at: datetime.datetime
    status: ReservationStatus
    updated_at: datetime.datetime
    device_ids: list[UUID] | Unset = UNSET
    missing: ReservationMissing | Unset = UNSET
    partner_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.reservation_missing import ReservationMissing # noqa: PLC0415
        from ..models.reservation_requested import ReservationRequested # noqa: PLC0415
        created_at = self.created_at.isoformat()

        ends_at = self.ends_at.isoformat()

        id = str(self.id)

        purpose = self.purpose

        requested = self.requested.to_dict()

        starts_at = self.starts_at.isoformat()

        status: str = self.status

        updated_at = self.updated_at.isoformat()

        device_ids: list[str] | Unset = UNSET
        if not isinstance(self.device_ids, Unset):
            device_ids = []
            for device_ids_item_data in self.device_ids:
                device_ids_item = str(device_ids_item_data)
                device_ids.append(device_ids_item)



        missing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.missing, Unset):
            missing = self.missing.to_dict()

        partner_id: None | str | Unset
        if isinstance(self.partner_id, Unset):
            partner_id = UNSET
        elif isinstance(self.partner_id, UUID):
            partner_id = str(self.partner_id)
        else:
            partner_id = self.partner_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "ends_at": ends_at,
            "id": id,
            "purpose": purpose,
            "requested": requested,
            "starts_at": starts_at,
            "status": status,
            "updated_at": updated_at,
        })
        if device_ids is not UNSET:
            field_dict["device_ids"] = device_ids
        if missing is not UNSET:
            field_dict["missing"] = missing
        if partner_id is not UNSET:
            field_dict["partner_id"] = partner_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reservation_missing import ReservationMissing # noqa: PLC0415
        from ..models.reservation_requested import ReservationRequested # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        id = UUID(d.pop("id"))




        purpose = d.pop("purpose")

        requested = ReservationRequested.from_dict(d.pop("requested"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        status = check_reservation_status(d.pop("status"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        _device_ids = d.pop("device_ids", UNSET)
        device_ids: list[UUID] | Unset = UNSET
        if _device_ids is not UNSET:
            device_ids = []
            for device_ids_item_data in _device_ids:
                device_ids_item = UUID(device_ids_item_data)



                device_ids.append(device_ids_item)


        _missing = d.pop("missing", UNSET)
        missing: ReservationMissing | Unset
        if isinstance(_missing,  Unset):
            missing = UNSET
        else:
            missing = ReservationMissing.from_dict(_missing)




        def _parse_partner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                partner_id_type_0 = UUID(data)



                return partner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        partner_id = _parse_partner_id(d.pop("partner_id", UNSET))


        reservation = cls(
            created_at=created_at,
            ends_at=ends_at,
            id=id,
            purpose=purpose,
            requested=requested,
            starts_at=starts_at,
            status=status,
            updated_at=updated_at,
            device_ids=device_ids,
            missing=missing,
            partner_id=partner_id,
        )


        reservation.additional_properties = d
        return reservation

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
