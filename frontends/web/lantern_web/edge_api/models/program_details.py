from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.program_details_age_group import check_program_details_age_group
from ..models.program_details_age_group import ProgramDetailsAgeGroup
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.host_input import HostInput
  from ..models.mentorship import Mentorship
  from ..models.program_details_descriptions import ProgramDetailsDescriptions
  from ..models.program_details_titles import ProgramDetailsTitles
  from ..models.registration_rules import RegistrationRules





T = TypeVar("T", bound="ProgramDetails")



@_attrs_define
class ProgramDetails:
    """ 
        Attributes:
            fallback_language (str): BCP 47 language tag, e.g. en, es-MX, zh-Hant
            host (HostInput): Who runs the program: a library branch, or a partner organization known from partner events.
            kind (str):
            languages (list[str]):
            titles (ProgramDetailsTitles):
            age_group (ProgramDetailsAgeGroup | Unset):  Default: 'general_interest'.
            audience_tags (list[str] | Unset):
            descriptions (ProgramDetailsDescriptions | Unset):
            mentorship (Mentorship | None | Unset):
            registration (RegistrationRules | Unset):
     """

    fallback_language: str
    host: HostInput
    kind: str
    languages: list[str]
    titles: ProgramDetailsTitles
    age_group: ProgramDetailsAgeGroup | Unset = 'general_interest'
    audience_tags: list[str] | Unset = UNSET
    descriptions: ProgramDetailsDescriptions | Unset = UNSET
    mentorship: Mentorship | None | Unset = UNSET
    registration: RegistrationRules | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.host_input import HostInput # noqa: PLC0415
        from ..models.mentorship import Mentorship # noqa: PLC0415
        from ..models.program_details_descriptions import ProgramDetailsDescriptions # noqa: PLC0415
        from ..models.program_details_titles import ProgramDetailsTitles # noqa: PLC0415
        from ..models.registration_rules import RegistrationRules # noqa: PLC0415
        fallback_language = self.fallback_language

        host = self.host.to_dict()

        kind = self.kind

        languages = self.languages



        titles = self.titles.to_dict()

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
            "fallback_language": fallback_language,
            "host": host,
            "kind": kind,
            "languages": languages,
            "titles": titles,
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
        from ..models.host_input import HostInput # noqa: PLC0415
        from ..models.mentorship import Mentorship # noqa: PLC0415
        from ..models.program_details_descriptions import ProgramDetailsDescriptions # noqa: PLC0415
        from ..models.program_details_titles import ProgramDetailsTitles # noqa: PLC0415
        from ..models.registration_rules import RegistrationRules # noqa: PLC0415
        d = dict(src_dict)
        fallback_language = d.pop("fallback_language")

        host = HostInput.from_dict(d.pop("host"))




        kind = d.pop("kind")

        languages = cast(list[str], d.pop("languages"))


        titles = ProgramDetailsTitles.from_dict(d.pop("titles"))




        _age_group = d.pop("age_group", UNSET)
        age_group: ProgramDetailsAgeGroup | Unset
        if isinstance(_age_group,  Unset):
            age_group = UNSET
        else:
            age_group = check_program_details_age_group(_age_group)




        audience_tags = cast(list[str], d.pop("audience_tags", UNSET))


        _descriptions = d.pop("descriptions", UNSET)
        descriptions: ProgramDetailsDescriptions | Unset
        if isinstance(_descriptions,  Unset):
            descriptions = UNSET
        else:
            descriptions = ProgramDetailsDescriptions.from_dict(_descriptions)




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




        program_details = cls(
            fallback_language=fallback_language,
            host=host,
            kind=kind,
            languages=languages,
            titles=titles,
            age_group=age_group,
            audience_tags=audience_tags,
            descriptions=descriptions,
            mentorship=mentorship,
            registration=registration,
        )

        return program_details

