from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.agreement_terms_kind import AgreementTermsKind
from ..models.agreement_terms_kind import check_agreement_terms_kind
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="AgreementTerms")



@_attrs_define
class AgreementTerms:
    """ 
        Attributes:
            kind (AgreementTermsKind):
            library_contact (str): The library staff member who looks after it
            starts_on (datetime.date):
            ends_on (datetime.date | None | Unset):
            notes (str | Unset):  Default: ''.
     """

    kind: AgreementTermsKind
    library_contact: str
    starts_on: datetime.date
    ends_on: datetime.date | None | Unset = UNSET
    notes: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        library_contact = self.library_contact

        starts_on = self.starts_on.isoformat()

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        notes = self.notes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "library_contact": library_contact,
            "starts_on": starts_on,
        })
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = check_agreement_terms_kind(d.pop("kind"))




        library_contact = d.pop("library_contact")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))




        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)



                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))


        notes = d.pop("notes", UNSET)

        agreement_terms = cls(
            kind=kind,
            library_contact=library_contact,
            starts_on=starts_on,
            ends_on=ends_on,
            notes=notes,
        )

        return agreement_terms

