from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.import_result_outcome import check_import_result_outcome
from ..models.import_result_outcome import ImportResultOutcome
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ImportResult")



@_attrs_define
class ImportResult:
    """ 
        Attributes:
            id (None | str):
            index (int):
            outcome (ImportResultOutcome):
            problems (list[str] | Unset):
            warnings (list[str] | Unset): Values HSDS allows that Lantern cannot use: left out of the record (and of
                search), the organization imported all the same
     """

    id: None | str
    index: int
    outcome: ImportResultOutcome
    problems: list[str] | Unset = UNSET
    warnings: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id: None | str
        id = self.id

        index = self.index

        outcome: str = self.outcome

        problems: list[str] | Unset = UNSET
        if not isinstance(self.problems, Unset):
            problems = self.problems



        warnings: list[str] | Unset = UNSET
        if not isinstance(self.warnings, Unset):
            warnings = self.warnings




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "index": index,
            "outcome": outcome,
        })
        if problems is not UNSET:
            field_dict["problems"] = problems
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        id = _parse_id(d.pop("id"))


        index = d.pop("index")

        outcome = check_import_result_outcome(d.pop("outcome"))




        problems = cast(list[str], d.pop("problems", UNSET))


        warnings = cast(list[str], d.pop("warnings", UNSET))


        import_result = cls(
            id=id,
            index=index,
            outcome=outcome,
            problems=problems,
            warnings=warnings,
        )


        import_result.additional_properties = d
        return import_result

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
