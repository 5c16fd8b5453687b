from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.borrower_kind import BorrowerKind
from ..models.borrower_kind import check_borrower_kind
from ..models.device_kind import check_device_kind
from ..models.device_kind import DeviceKind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Loan")



@_attrs_define
class Loan:
    """ 
        Attributes:
            asset_tag (str):
            borrower_id (None | UUID):
            borrower_kind (BorrowerKind):
            created_at (datetime.datetime):
            device_id (UUID):
            device_kind (DeviceKind):
            due_at (datetime.datetime):
            emergency (bool):
            id (UUID):
            renewals (int):
            started_at (datetime.datetime):
            anonymized_at (datetime.datetime | None | Unset):
            application_id (None | Unset | UUID):
            cleared_at (datetime.datetime | None | Unset):
            condition (None | str | Unset):
            deactivation_requested_at (datetime.datetime | None | Unset):
            missing_accessories (list[str] | Unset):
            recall_requested_at (datetime.datetime | None | Unset):
            returned_at (datetime.datetime | None | Unset):
     """

    asset_tag: str
    borrower_id: None | UUID
    borrower_kind: BorrowerKind
    created_at: datetime.datetime
    device_id: UUID
    device_kind: DeviceKind
    due_at: datetime.datetime
    emergency: bool
    id: UUID
    renewals: int
    started_at: datetime.datetime
    anonymized_at: datetime.datetime | None | Unset = UNSET
    application_id: None | Unset | UUID = UNSET
    cleared_at: datetime.datetime | None | Unset = UNSET
    condition: None | str | Unset = UNSET
    deactivation_requested_at: datetime.datetime | None | Unset = UNSET
    missing_accessories: list[str] | Unset = UNSET
    recall_requested_at: datetime.datetime | None | Unset = UNSET
    returned_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        asset_tag = self.asset_tag

        borrower_id: None | str
        if isinstance(self.borrower_id, UUID):
            borrower_id = str(self.borrower_id)
        else:
            borrower_id = self.borrower_id

        borrower_kind: str = self.borrower_kind

        created_at = self.created_at.isoformat()

        device_id = str(self.device_id)

        device_kind: str = self.device_kind

        due_at = self.due_at.isoformat()

        emergency = self.emergency

        id = str(self.id)

        renewals = self.renewals

        started_at = self.started_at.isoformat()

        anonymized_at: None | str | Unset
        if isinstance(self.anonymized_at, Unset):
            anonymized_at = UNSET
        elif isinstance(self.anonymized_at, datetime.datetime):
            anonymized_at = self.anonymized_at.isoformat()
        else:
            anonymized_at = self.anonymized_at

        application_id: None | str | Unset
        if isinstance(self.application_id, Unset):
            application_id = UNSET
        elif isinstance(self.application_id, UUID):
            application_id = str(self.application_id)
        else:
            application_id = self.application_id

        cleared_at: None | str | Unset
        if isinstance(self.cleared_at, Unset):
            cleared_at = UNSET
        elif isinstance(self.cleared_at, datetime.datetime):
            cleared_at = self.cleared_at.isoformat()
        else:
            cleared_at = self.cleared_at

        condition: None | str | Unset
        if isinstance(self.condition, Unset):
            condition = UNSET
        else:
            condition = self.condition

        deactivation_requested_at: None | str | Unset
        if isinstance(self.deactivation_requested_at, Unset):
            deactivation_requested_at = UNSET
        elif isinstance(self.deactivation_requested_at, datetime.datetime):
            deactivation_requested_at = self.deactivation_requested_at.isoformat()
        else:
            deactivation_requested_at = self.deactivation_requested_at

        missing_accessories: list[str] | Unset = UNSET
        if not isinstance(self.missing_accessories, Unset):
            missing_accessories = self.missing_accessories



        recall_requested_at: None | str | Unset
        if isinstance(self.recall_requested_at, Unset):
            recall_requested_at = UNSET
        elif isinstance(self.recall_requested_at, datetime.datetime):
            recall_requested_at = self.recall_requested_at.isoformat()
        else:
            recall_requested_at = self.recall_requested_at

        returned_at: None | str | Unset
        if isinstance(self.returned_at, Unset):
            returned_at = UNSET
        elif isinstance(self.returned_at, datetime.datetime):
            returned_at = self.returned_at.isoformat()
        else:
            returned_at = self.returned_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asset_tag": asset_tag,
            "borrower_id": borrower_id,
            "borrower_kind": borrower_kind,
            "created_at": created_at,
            "device_id": device_id,
            "device_kind": device_kind,
            "due_at": due_at,
            "emergency": emergency,
            "id": id,
            "renewals": renewals,
            "started_at": started_at,
        })
        if anonymized_at is not UNSET:
            field_dict["anonymized_at"] = anonymized_at
        if application_id is not UNSET:
            field_dict["application_id"] = application_id
        if cleared_at is not UNSET:
            field_dict["cleared_at"] = cleared_at
        if condition is not UNSET:
            field_dict["condition"] = condition
        if deactivation_requested_at is not UNSET:
            field_dict["deactivation_requested_at"] = deactivation_requested_at
        if missing_accessories is not UNSET:
            field_dict["missing_accessories"] = missing_accessories
        if recall_requested_at is not UNSET:
            field_dict["recall_requested_at"] = recall_requested_at
        if returned_at is not UNSET:
            field_dict["returned_at"] = returned_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset_tag = d.pop("asset_tag")

        def _parse_borrower_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                borrower_id_type_0 = UUID(data)



                return borrower_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        borrower_id = _parse_borrower_id(d.pop("borrower_id"))


        borrower_kind = check_borrower_kind(d.pop("borrower_kind"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        device_id = UUID(d.pop("device_id"))




        device_kind = check_device_kind(d.pop("device_kind"))




        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))




        emergency = d.pop("emergency")

        id = UUID(d.pop("id"))




        renewals = d.pop("renewals")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))




        def _parse_anonymized_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                anonymized_at_type_0 = datetime.datetime.fromisoformat(data)



                return anonymized_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        anonymized_at = _parse_anonymized_at(d.pop("anonymized_at", UNSET))


        def _parse_application_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                application_id_type_0 = UUID(data)



                return application_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        application_id = _parse_application_id(d.pop("application_id", UNSET))


        def _parse_cleared_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cleared_at_type_0 = datetime.datetime.fromisoformat(data)



                return cleared_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        cleared_at = _parse_cleared_at(d.pop("cleared_at", UNSET))


        def _parse_condition(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        condition = _parse_condition(d.pop("condition", UNSET))


        def _parse_deactivation_requested_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deactivation_requested_at_type_0 = datetime.datetime.fromisoformat(data)



                return deactivation_requested_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deactivation_requested_at = _parse_deactivation_requested_at(d.pop("deactivation_requested_at", UNSET))


        missing_accessories = cast(list[str], d.pop("missing_accessories", UNSET))


        def _parse_recall_requested_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recall_requested_at_type_0 = datetime.datetime.fromisoformat(data)



                return recall_requested_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        recall_requested_at = _parse_recall_requested_at(d.pop("recall_requested_at", UNSET))


        def _parse_returned_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                returned_at_type_0 = datetime.datetime.fromisoformat(data)



                return returned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        returned_at = _parse_returned_at(d.pop("returned_at", UNSET))


        loan = cls(
            asset_tag=asset_tag,
            borrower_id=borrower_id,
            borrower_kind=borrower_kind,
            created_at=created_at,
            device_id=device_id,
            device_kind=device_kind,
            due_at=due_at,
            emergency=emergency,
            id=id,
            renewals=renewals,
            started_at=started_at,
            anonymized_at=anonymized_at,
            application_id=application_id,
            cleared_at=cleared_at,
            condition=condition,
            deactivation_requested_at=deactivation_requested_at,
            missing_accessories=missing_accessories,
            recall_requested_at=recall_requested_at,
            returned_at=returned_at,
        )


        loan.additional_properties = d
        return loan

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
