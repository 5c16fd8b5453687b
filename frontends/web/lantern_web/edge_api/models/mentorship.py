from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="Mentorship")



@_attrs_define
class Mentorship:
    """ A mentorship program pairs one mentee with one mentor (an experienced patron or a volunteer enrolled as one).

        Attributes:
            mentee_id (UUID):
            mentor_id (UUID):
     """

    mentee_id: UUID
    mentor_id: UUID





    def to_dict(self) -> dict[str, Any]:
        mentee_id = str(self.mentee_id)

        mentor_id = str(self.mentor_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "mentee_id": mentee_id,
            "mentor_id": mentor_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mentee_id = UUID(d.pop("mentee_id"))




        mentor_id = UUID(d.pop("mentor_id"))




        mentorship = cls(
            mentee_id=mentee_id,
            mentor_id=mentor_id,
        )

        return mentorship

