from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.partner_record_kind import check_partner_record_kind
from ..models.partner_record_kind import PartnerRecordKind
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.contact import Contact
  from ..models.location import Location
  from ..models.service import Service





T = TypeVar("T", bound="PartnerRecord")



@_attrs_define
class PartnerRecord:
    """ What staff (or a 211 / partner system) say about an organization: everything but partnership status.

        Attributes:
            name (str):
            contacts (list[Contact] | Unset):
            description (str | Unset):  Default: ''.
            email (None | str | Unset):
            kind (PartnerRecordKind | Unset):  Default: 'other'.
            locations (list[Location] | Unset):
            services (list[Service] | Unset):
            website (None | str | Unset):
     """

    name: str
    contacts: list[Contact] | Unset = UNSET
    description: str | Unset = ''
    email: None | str | Unset = UNSET
    kind: PartnerRecordKind | Unset = 'other'
    locations: list[Location] | Unset = UNSET
    services: list[Service] | Unset = UNSET
    website: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.contact import Contact # noqa: PLC0415
        from ..models.location import Location # noqa: PLC0415
        from ..models.service import Service # noqa: PLC0415
        name = self.name

        contacts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contacts, Unset):
            contacts = []
            for contacts_item_data in self.contacts:
                contacts_item = contacts_item_data.to_dict()
                contacts.append(contacts_item)



        description = self.description

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind


        locations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.locations, Unset):
            locations = []
            for locations_item_data in self.locations:
                locations_item = locations_item_data.to_dict()
                locations.append(locations_item)



        services: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.services, Unset):
            services = []
            for services_item_data in self.services:
                services_item = services_item_data.to_dict()
                services.append(services_item)



        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if contacts is not UNSET:
            field_dict["contacts"] = contacts
        if description is not UNSET:
            field_dict["description"] = description
        if email is not UNSET:
            field_dict["email"] = email
        if kind is not UNSET:
            field_dict["kind"] = kind
        if locations is not UNSET:
            field_dict["locations"] = locations
        if services is not UNSET:
            field_dict["services"] = services
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact import Contact # noqa: PLC0415
        from ..models.location import Location # noqa: PLC0415
        from ..models.service import Service # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        _contacts = d.pop("contacts", UNSET)
        contacts: list[Contact] | Unset = UNSET
        if _contacts is not UNSET:
            contacts = []
            for contacts_item_data in _contacts:
                contacts_item = Contact.from_dict(contacts_item_data)



                contacts.append(contacts_item)


        description = d.pop("description", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: PartnerRecordKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = check_partner_record_kind(_kind)




        _locations = d.pop("locations", UNSET)
        locations: list[Location] | Unset = UNSET
        if _locations is not UNSET:
            locations = []
            for locations_item_data in _locations:
                locations_item = Location.from_dict(locations_item_data)



                locations.append(locations_item)


        _services = d.pop("services", UNSET)
        services: list[Service] | Unset = UNSET
        if _services is not UNSET:
            services = []
            for services_item_data in _services:
                services_item = Service.from_dict(services_item_data)



                services.append(services_item)


        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))


        partner_record = cls(
            name=name,
            contacts=contacts,
            description=description,
            email=email,
            kind=kind,
            locations=locations,
            services=services,
            website=website,
        )

        return partner_record

