from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.borrower_kind import BorrowerKind
from ..models.borrower_kind import check_borrower_kind
from ..models.borrower_status import BorrowerStatus
from ..models.borrower_status import check_borrower_status
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="Borrower")



@_attrs_define
class Borrower:
    """ Devices' own view of someone who may borrow: built from events, never fetched from another service.

        Attributes:
            id (UUID):
            kind (BorrowerKind):
            status (BorrowerStatus):
            blocked_reason (None | str | Unset):
     """

    id: UUID
    kind: BorrowerKind
    status: BorrowerStatus
    blocked_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind: str = self.kind

        status: str = self.status

        blocked_reason: None | str | Unset
        if isinstance(self.blocked_reason, Unset):
            blocked_reason = UNSET
        else:
            blocked_reason = self.blocked_reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "status": status,
        })
        if blocked_reason is not UNSET:
            field_dict["blocked_reason"] = blocked_reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        kind = check_borrower_kind(d.pop("kind"))




        status = check_borrower_status(d.pop("status"))




        def _parse_blocked_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        blocked_reason = _parse_blocked_reason(d.pop("blocked_reason", UNSET))


        borrower = cls(
            id=id,
            kind=kind,
            status=status,
            blocked_reason=blocked_reason,
        )


        borrower.additional_properties = d
        return borrower

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
