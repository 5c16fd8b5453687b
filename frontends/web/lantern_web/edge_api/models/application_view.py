from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.application_status import ApplicationStatus
from ..models.application_status import check_application_status
from ..models.device_kind import check_device_kind
from ..models.device_kind import DeviceKind
from ..models.need import check_need
from ..models.need import Need
from ..models.submitted_by import check_submitted_by
from ..models.submitted_by import SubmittedBy
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ApplicationView")



@_attrs_define
class ApplicationView:
    """ 
        Attributes:
            applied_at (datetime.datetime):
            created_at (datetime.datetime):
            device_kind (DeviceKind):
            household_size (int):
            id (UUID):
            internet_at_home (bool):
            need (Need): What the device is for, in the programme's categories (a choice, not free text: less to keep, easy
                to count).
            patron_id (None | UUID):
            preferred_language (str):
            priority (int):
            status (ApplicationStatus):
            submitted_by (SubmittedBy):
            closed_at (datetime.datetime | None | Unset):
            loan_id (None | Unset | UUID):
            partner_may_be_told (bool | Unset):  Default: False.
            position (int | None | Unset):
            postcode (None | str | Unset):
            referring_partner_id (None | Unset | UUID):
            served_at (datetime.datetime | None | Unset):
     """

    applied_at: datetime.datetime
    created_at: datetime.datetime
    device_kind: DeviceKind
    household_size: int
    id: UUID
    internet_at_home: bool
    need: Need
    patron_id: None | UUID
    preferred_language: str
    priority: int
    status: ApplicationStatus
    submitted_by: SubmittedBy
    closed_at: datetime.datetime | None | Unset = UNSET
    loan_id: None | Unset | UUID = UNSET
    partner_may_be_told: bool | Unset = False
    position: int | None | Unset = UNSET
    postcode: None | str | Unset = UNSET
    referring_partner_id: None | Unset | UUID = UNSET
    served_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        applied_at = self.applied_at.isoformat()

        created_at = self.created_at.isoformat()

        device_kind: str = self.device_kind

        household_size = self.household_size

        id = str(self.id)

        internet_at_home = self.internet_at_home

        need: str = self.need

        patron_id: None | str
        if isinstance(self.patron_id, UUID):
            patron_id = str(self.patron_id)
        else:
            patron_id = self.patron_id

        preferred_language = self.preferred_language

        priority = self.priority

        status: str = self.status

        submitted_by: str = self.submitted_by

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

        partner_may_be_told = self.partner_may_be_told

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        postcode: None | str | Unset
        if isinstance(self.postcode, Unset):
            postcode = UNSET
        else:
            postcode = self.postcode

        referring_partner_id: None | str | Unset
        if isinstance(self.referring_partner_id, Unset):
            referring_partner_id = UNSET
        elif isinstance(self.referring_partner_id, UUID):
            referring_partner_id = str(self.referring_partner_id)
        else:
            referring_partner_id = self.referring_partner_id

        served_at: None | str | Unset
        if isinstance(self.served_at, Unset):
            served_at = UNSET
        elif isinstance(self.served_at, datetime.datetime):
            served_at = self.served_at.isoformat()
        else:
            served_at = self.served_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "applied_at": applied_at,
            "created_at": created_at,
            "device_kind": device_kind,
            "household_size": household_size,
            "id": id,
            "internet_at_home": internet_at_home,
            "need": need,
            "patron_id": patron_id,
            "preferred_language": preferred_language,
            "priority": priority,
            "status": status,
            "submitted_by": submitted_by,
        })
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if loan_id is not UNSET:
            field_dict["loan_id"] = loan_id
        if partner_may_be_told is not UNSET:
            field_dict["partner_may_be_told"] = partner_may_be_told
        if position is not UNSET:
            field_dict["position"] = position
        if postcode is not UNSET:
            field_dict["postcode"] = postcode
        if referring_partner_id is not UNSET:
            field_dict["referring_partner_id"] = referring_partner_id
        if served_at is not UNSET:
            field_dict["served_at"] = served_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applied_at = datetime.datetime.fromisoformat(d.pop("applied_at"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        device_kind = check_device_kind(d.pop("device_kind"))




        household_size = d.pop("household_size")

        id = UUID(d.pop("id"))




        internet_at_home = d.pop("internet_at_home")

        need = check_need(d.pop("need"))




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


        preferred_language = d.pop("preferred_language")

        priority = d.pop("priority")

        status = check_application_status(d.pop("status"))




        submitted_by = check_submitted_by(d.pop("submitted_by"))




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


        partner_may_be_told = d.pop("partner_may_be_told", UNSET)

        def _parse_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        position = _parse_position(d.pop("position", UNSET))


        def _parse_postcode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        postcode = _parse_postcode(d.pop("postcode", UNSET))


        def _parse_referring_partner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                referring_partner_id_type_0 = UUID(data)



                return referring_partner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        referring_partner_id = _parse_referring_partner_id(d.pop("referring_partner_id", UNSET))


        def _parse_served_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                served_at_type_0 = datetime.datetime.fromisoformat(data)



                return served_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        served_at = _parse_served_at(d.pop("served_at", UNSET))


        application_view = cls(
            applied_at=applied_at,
            created_at=created_at,
            device_kind=device_kind,
            household_size=household_size,
            id=id,
            internet_at_home=internet_at_home,
            need=need,
            patron_id=patron_id,
            preferred_language=preferred_language,
            priority=priority,
            status=status,
            submitted_by=submitted_by,
            closed_at=closed_at,
            loan_id=loan_id,
            partner_may_be_told=partner_may_be_told,
            position=position,
            postcode=postcode,
            referring_partner_id=referring_partner_id,
            served_at=served_at,
        )


        application_view.additional_properties = d
        return application_view

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
