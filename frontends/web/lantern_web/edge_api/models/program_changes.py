from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.program_changes_age_group import check_program_changes_age_group
from ..models.program_changes_age_group import ProgramChangesAgeGroup
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.host_input import HostInput
  from ..models.program_changes_descriptions import ProgramChangesDescriptions
  from ..models.program_changes_titles import ProgramChangesTitles
  from ..models.registration_rules import RegistrationRules





T = TypeVar("T", bound="ProgramChanges")



@_attrs_define
class ProgramChanges:
    """ 
        Attributes:
            age_group (ProgramChangesAgeGroup | Unset):
            audience_tags (list[str] | Unset):
            descriptions (ProgramChangesDescriptions | Unset):
            fallback_language (str | Unset): BCP 47 language tag, e.g. en, es-MX, zh-Hant
            host (HostInput | Unset): Who runs the program: a library branch, or a partner organization known from partner
                events.
            languages (list[str] | Unset):
            registration (RegistrationRules | Unset):
            titles (ProgramChangesTitles | Unset):
     """

    age_group: ProgramChangesAgeGroup | Unset = UNSET
    audience_tags: list[str] | Unset = UNSET
    descriptions: ProgramChangesDescriptions | Unset = UNSET
    fallback_language: str | Unset = UNSET
    host: HostInput | Unset = UNSET
    languages: list[str] | Unset = UNSET
    registration: RegistrationRules | Unset = UNSET
    titles: ProgramChangesTitles | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.host_input import HostInput # noqa: PLC0415
        from ..models.program_changes_descriptions import ProgramChangesDescriptions # noqa: PLC0415
        from ..models.program_changes_titles import ProgramChangesTitles # noqa: PLC0415
        from ..models.registration_rules import RegistrationRules # noqa: PLC0415
        age_group: str | Unset = UNSET
        if not isinstance(self.age_group, Unset):
            age_group = self.age_group


        audience_tags: list[str] | Unset = UNSET
        if not isinstance(self.audience_tags, Unset):
            audience_tags = self.audience_tags



        descriptions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.descriptions, Unset):
            descriptions = self.descriptions.to_dict()

        fallback_language = self.fallback_language

        host: dict[str, Any] | Unset = UNSET
        if not isinstance(self.host, Unset):
            host = self.host.to_dict()

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages



        registration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.registration, Unset):
            registration = self.registration.to_dict()

        titles: dict[str, Any] | Unset = UNSET
        if not isinstance(self.titles, Unset):
            titles = self.titles.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if age_group is not UNSET:
            field_dict["age_group"] = age_group
        if audience_tags is not UNSET:
            field_dict["audience_tags"] = audience_tags
        if descriptions is not UNSET:
            field_dict["descriptions"] = descriptions
        if fallback_language is not UNSET:
            field_dict["fallback_language"] = fallback_language
        if host is not UNSET:
            field_dict["host"] = host
        if languages is not UNSET:
            field_dict["languages"] = languages
        if registration is not UNSET:
            field_dict["registration"] = registration
        if titles is not UNSET:
            field_dict["titles"] = titles

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.host_input import HostInput # noqa: PLC0415
        from ..models.program_changes_descriptions import ProgramChangesDescriptions # noqa: PLC0415
        from ..models.program_changes_titles import ProgramChangesTitles # noqa: PLC0415
        from ..models.registration_rules import RegistrationRules # noqa: PLC0415
        d = dict(src_dict)
        _age_group = d.pop("age_group", UNSET)
        age_group: ProgramChangesAgeGroup | Unset
        if isinstance(_age_group,  Unset):
            age_group = UNSET
        else:
            age_group = check_program_changes_age_group(_age_group)




        audience_tags = cast(list[str], d.pop("audience_tags", UNSET))


        _descriptions = d.pop("descriptions", UNSET)
        descriptions: ProgramChangesDescriptions | Unset
        if isinstance(_descriptions,  Unset):
            descriptions = UNSET
        else:
            descriptions = ProgramChangesDescriptions.from_dict(_descriptions)




        fallback_language = d.pop("fallback_language", UNSET)

        _host = d.pop("host", UNSET)
        host: HostInput | Unset
        if isinstance(_host,  Unset):
            host = UNSET
        else:
            host = HostInput.from_dict(_host)




        languages = cast(list[str], d.pop("languages", UNSET))


        _registration = d.pop("registration", UNSET)
        registration: RegistrationRules | Unset
        if isinstance(_registration,  Unset):
            registration = UNSET
        else:
            registration = RegistrationRules.from_dict(_registration)




        _titles = d.pop("titles", UNSET)
        titles: ProgramChangesTitles | Unset
        if isinstance(_titles,  Unset):
            titles = UNSET
        else:
            titles = ProgramChangesTitles.from_dict(_titles)




        program_changes = cls(
            age_group=age_group,
            audience_tags=audience_tags,
            descriptions=descriptions,
            fallback_language=fallback_language,
            host=host,
            languages=languages,
            registration=registration,
            titles=titles,
        )

        return program_changes

