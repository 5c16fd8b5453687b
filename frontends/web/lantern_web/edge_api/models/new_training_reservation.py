from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.new_training_reservation_devices import NewTrainingReservationDevices





T = TypeVar("T", bound="NewTrainingReservation")



@_attrs_define
class NewTrainingReservation:
    """ Units for a partner's training at its own site over a time window.

        Attributes:
            devices (NewTrainingReservationDevices):
            ends_at (datetime.datetime):
            partner_id (UUID):
            starts_at (datetime.datetime):
     """

    devices: NewTrainingReservationDevices
    ends_at: datetime.datetime
    partner_id: UUID
    starts_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.new_training_reservation_devices import NewTrainingReservationDevices # noqa: PLC0415
        devices = self.devices.to_dict()

        ends_at = self.ends_at.isoformat()

        partner_id = str(self.partner_id)

        starts_at = self.starts_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "devices": devices,
            "ends_at": ends_at,
            "partner_id": partner_id,
            "starts_at": starts_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.new_training_reservation_devices import NewTrainingReservationDevices # noqa: PLC0415
        d = dict(src_dict)
        devices = NewTrainingReservationDevices.from_dict(d.pop("devices"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        partner_id = UUID(d.pop("partner_id"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        new_training_reservation = cls(
            devices=devices,
            ends_at=ends_at,
            partner_id=partner_id,
            starts_at=starts_at,
        )

        return new_training_reservation

