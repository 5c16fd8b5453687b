from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.slot_details_format import check_slot_details_format
from ..models.slot_details_format import SlotDetailsFormat
from ..models.slot_details_helper_role import check_slot_details_helper_role
from ..models.slot_details_helper_role import SlotDetailsHelperRole
from ..models.slot_details_kind import check_slot_details_kind
from ..models.slot_details_kind import SlotDetailsKind
from ..models.slot_details_timezone import check_slot_details_timezone
from ..models.slot_details_timezone import SlotDetailsTimezone
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="SlotDetails")



@_attrs_define
class SlotDetails:
    """ 
        Attributes:
            branch (str):
            ends_at (datetime.datetime):
            helper_name (str): The staff member or volunteer helping
            kind (SlotDetailsKind):
            languages (list[str]):
            starts_at (datetime.datetime):
            timezone (SlotDetailsTimezone): IANA time zone, e.g. America/Los_Angeles
            format_ (SlotDetailsFormat | Unset):  Default: 'in_person_on_site'.
            helper_role (SlotDetailsHelperRole | Unset):  Default: 'staff'.
     """

    branch: str
    ends_at: datetime.datetime
    helper_name: str
    kind: SlotDetailsKind
    languages: list[str]
    starts_at: datetime.datetime
    timezone: SlotDetailsTimezone
    format_: SlotDetailsFormat | Unset = 'in_person_on_site'
    helper_role: SlotDetailsHelperRole | Unset = 'staff'





    def to_dict(self) -> dict[str, Any]:
        branch = self.branch

        ends_at = self.ends_at.isoformat()

        helper_name = self.helper_name

        kind: str = self.kind

        languages = self.languages



        starts_at = self.starts_at.isoformat()

        timezone: str = self.timezone

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_


        helper_role: str | Unset = UNSET
        if not isinstance(self.helper_role, Unset):
            helper_role = self.helper_role



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "branch": branch,
            "ends_at": ends_at,
            "helper_name": helper_name,
            "kind": kind,
            "languages": languages,
            "starts_at": starts_at,
            "timezone": timezone,
        })
        if format_ is not UNSET:
            field_dict["format"] = format_
        if helper_role is not UNSET:
            field_dict["helper_role"] = helper_role

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        branch = d.pop("branch")

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        helper_name = d.pop("helper_name")

        kind = check_slot_details_kind(d.pop("kind"))




        languages = cast(list[str], d.pop("languages"))


        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        timezone = check_slot_details_timezone(d.pop("timezone"))




        _format_ = d.pop("format", UNSET)
        format_: SlotDetailsFormat | Unset
        if isinstance(_format_,  Unset):
            format_ = UNSET
        else:
            format_ = check_slot_details_format(_format_)




        _helper_role = d.pop("helper_role", UNSET)
        helper_role: SlotDetailsHelperRole | Unset
        if isinstance(_helper_role,  Unset):
            helper_role = UNSET
        else:
            helper_role = check_slot_details_helper_role(_helper_role)




        slot_details = cls(
            branch=branch,
            ends_at=ends_at,
            helper_name=helper_name,
            kind=kind,
            languages=languages,
            starts_at=starts_at,
            timezone=timezone,
            format_=format_,
            helper_role=helper_role,
        )

        return slot_details

