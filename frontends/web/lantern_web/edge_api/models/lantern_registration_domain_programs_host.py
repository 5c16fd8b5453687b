from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lantern_registration_domain_programs_host_kind import check_lantern_registration_domain_programs_host_kind
from ..models.lantern_registration_domain_programs_host_kind import LanternRegistrationDomainProgramsHostKind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="LanternRegistrationDomainProgramsHost")



@_attrs_define
class LanternRegistrationDomainProgramsHost:
    """ Who runs the program: a library branch, or a partner organization known from partner events.

        Attributes:
            kind (LanternRegistrationDomainProgramsHostKind):
            branch (None | str | Unset):
            partner_id (None | Unset | UUID):
     """

    kind: LanternRegistrationDomainProgramsHostKind
    branch: None | str | Unset = UNSET
    partner_id: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        branch: None | str | Unset
        if isinstance(self.branch, Unset):
            branch = UNSET
        else:
            branch = self.branch

        partner_id: None | str | Unset
        if isinstance(self.partner_id, Unset):
            partner_id = UNSET
        elif isinstance(self.partner_id, UUID):
            partner_id = str(self.partner_id)
        else:
            partner_id = self.partner_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
        })
        if branch is not UNSET:
            field_dict["branch"] = branch
        if partner_id is not UNSET:
            field_dict["partner_id"] = partner_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = check_lantern_registration_domain_programs_host_kind(d.pop("kind"))




        def _parse_branch(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        branch = _parse_branch(d.pop("branch", UNSET))


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


        lantern_registration_domain_programs_host = cls(
            kind=kind,
            branch=branch,
            partner_id=partner_id,
        )

        return lantern_registration_domain_programs_host

