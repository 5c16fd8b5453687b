from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.program_age_group import check_program_age_group
from ..models.program_age_group import ProgramAgeGroup
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.lantern_registration_domain_programs_host import LanternRegistrationDomainProgramsHost
  from ..models.mentorship import Mentorship
  from ..models.program_descriptions import ProgramDescriptions
  from ..models.program_titles import ProgramTitles
  from ..models.registration_rules import RegistrationRules





T = TypeVar("T", bound="Program")



@_attrs_define
class Program:
    """ 
        Attributes:
            created_at (datetime.datetime):
            fallback_language (str): BCP 47 language tag, e.g. en, es-MX, zh-Hant
            host (LanternRegistrationDomainProgramsHost): Who runs the program: a library branch, or a partner organization
                known from partner events.
            id (UUID):
            kind (str):
            languages (list[str]):
            titles (ProgramTitles):
            updated_at (datetime.datetime):
            age_group (ProgramAgeGroup | Unset):  Default: 'general_interest'.
            audience_tags (list[str] | Unset):
            descriptions (ProgramDescriptions | Unset):
            mentorship (Mentorship | None | Unset):
            registration (RegistrationRules | Unset):
     """

    created_at: datetime.datetime
    fallback_language: str
    host: LanternRegistrationDomainProgramsHost
    id: UUID
    kind: str
    languages: list[str]
    titles: ProgramTitles
    updated_at: datetime.datetime
    age_group: ProgramAgeGroup | Unset = 'general_interest'
    audience_tags: list[str] | Unset = UNSET
    descriptions: ProgramDescriptions | Unset = UNSET
    mentorship: Mentorship | None | Unset = UNSET
    registration: RegistrationRules | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.lantern_registration_domain_programs_host import LanternRegistrationDomainProgramsHost # noqa: PLC0415
        from ..models.mentorship import Mentorship # noqa: PLC0415
        from ..models.program_descriptions import ProgramDescriptions # noqa: PLC0415
        from ..models.program_titles import ProgramTitles # noqa: PLC0415
        from ..models.registration_rules import RegistrationRules # noqa: PLC0415
        created_at = self.created_at.isoformat()

        fallback_language = self.fallback_language

        host = self.host.to_dict()

        id = str(self.id)

        kind = self.kind

        languages = self.languages



        titles = self.titles.to_dict()

        updated_at = self.updated_at.isoformat()

        age_group: str | Unset = UNSET
        if not isinstance(self.age_group, Unset):
            age_group = self.age_group


        audience_tags: list[str] | Unset = UNSET
        if not isinstance(self.audience_tags, Unset):
            audience_tags = self.audience_tags



        descriptions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.descriptions, Unset):
            descriptions = self.descriptions.to_dict()

        mentorship: dict[str, Any] | None | Unset
        if isinstance(self.mentorship, Unset):
            mentorship = UNSET
        elif isinstance(self.mentorship, Mentorship):
            mentorship = self.mentorship.to_dict()
        else:
            mentorship = self.mentorship

        registration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.registration, Unset):
            registration = self.registration.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "created_at": created_at,
            "fallback_language": fallback_language,
            "host": host,
            "id": id,
            "kind": kind,
            "languages": languages,
            "titles": titles,
            "updated_at": updated_at,
        })
        if age_group is not UNSET:
            field_dict["age_group"] = age_group
        if audience_tags is not UNSET:
            field_dict["audience_tags"] = audience_tags
        if descriptions is not UNSET:
            field_dict["descriptions"] = descriptions
        if mentorship is not UNSET:
            field_dict["mentorship"] = mentorship
        if registration is not UNSET:
            field_dict["registration"] = registration

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lantern_registration_domain_programs_host import LanternRegistrationDomainProgramsHost # noqa: PLC0415
        from ..models.mentorship import Mentorship # noqa: PLC0415
        from ..models.program_descriptions import ProgramDescriptions # noqa: PLC0415
        from ..models.program_titles import ProgramTitles # noqa: PLC0415
        from ..models.registration_rules import RegistrationRules # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        fallback_language = d.pop("fallback_language")

        host = LanternRegistrationDomainProgramsHost.from_dict(d.pop("host"))




        id = UUID(d.pop("id"))




        kind = d.pop("kind")

        languages = cast(list[str], d.pop("languages"))


        titles = ProgramTitles.from_dict(d.pop("titles"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        _age_group = d.pop("age_group", UNSET)
        age_group: ProgramAgeGroup | Unset
        if isinstance(_age_group,  Unset):
            age_group = UNSET
        else:
            age_group = check_program_age_group(_age_group)




        audience_tags = cast(list[str], d.pop("audience_tags", UNSET))


        _descriptions = d.pop("descriptions", UNSET)
        descriptions: ProgramDescriptions | Unset
        if isinstance(_descriptions,  Unset):
            descriptions = UNSET
        else:
            descriptions = ProgramDescriptions.from_dict(_descriptions)




        def _parse_mentorship(data: object) -> Mentorship | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mentorship_type_0 = Mentorship.from_dict(data)



                return mentorship_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Mentorship | None | Unset, data)

        mentorship = _parse_mentorship(d.pop("mentorship", UNSET))


        _registration = d.pop("registration", UNSET)
        registration: RegistrationRules | Unset
        if isinstance(_registration,  Unset):
            registration = UNSET
        else:
            registration = RegistrationRules.from_dict(_registration)




        program = cls(
            created_at=created_at,
            fallback_language=fallback_language,
            host=host,
            id=id,
            kind=kind,
            languages=languages,
            titles=titles,
            updated_at=updated_at,
            age_group=age_group,
            audience_tags=audience_tags,
            descriptions=descriptions,
            mentorship=mentorship,
            registration=registration,
        )

        return program

