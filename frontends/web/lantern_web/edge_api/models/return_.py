from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.return_condition import check_return_condition
from ..models.return_condition import ReturnCondition
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Return")



@_attrs_define
class Return:
    """ 
        Attributes:
            condition (ReturnCondition):
            missing_accessories (list[str] | Unset):
     """

    condition: ReturnCondition
    missing_accessories: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        condition: str = self.condition

        missing_accessories: list[str] | Unset = UNSET
        if not isinstance(self.missing_accessories, Unset):
            missing_accessories = self.missing_accessories




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "condition": condition,
        })
        if missing_accessories is not UNSET:
            field_dict["missing_accessories"] = missing_accessories

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        condition = check_return_condition(d.pop("condition"))




        missing_accessories = cast(list[str], d.pop("missing_accessories", UNSET))


        return_ = cls(
            condition=condition,
            missing_accessories=missing_accessories,
        )

        return return_

