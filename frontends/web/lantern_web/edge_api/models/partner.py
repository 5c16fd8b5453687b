from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.partner_kind import check_partner_kind
from ..models.partner_kind import PartnerKind
from ..models.partner_status import check_partner_status
from ..models.partner_status import PartnerStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.contact import Contact
  from ..models.location import Location
  from ..models.service import Service





T = TypeVar("T", bound="Partner")



@_attrs_define
class Partner:
    """ 
        Attributes:
            id (UUID):
            name (str):
            contacts (list[Contact] | Unset):
            description (str | Unset):  Default: ''.
            email (None | str | Unset):
            kind (PartnerKind | Unset):  Default: 'other'.
            locations (list[Location] | Unset):
            services (list[Service] | Unset):
            status (PartnerStatus | Unset):  Default: 'prospect'.
            status_changed_at (datetime.datetime | None | Unset):
            website (None | str | Unset):
     """

    id: UUID
    name: str
    contacts: list[Contact] | Unset = UNSET
    description: str | Unset = ''
    email: None | str | Unset = UNSET
    kind: PartnerKind | Unset = 'other'
    locations: list[Location] | Unset = UNSET
    services: list[Service] | Unset = UNSET
    status: PartnerStatus | Unset = 'prospect'
    status_changed_at: datetime.datetime | None | Unset = UNSET
    website: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contact import Contact # noqa: PLC0415
        from ..models.location import Location # noqa: PLC0415
        from ..models.service import Service # noqa: PLC0415
        id = str(self.id)

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



        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status


        status_changed_at: None | str | Unset
        if isinstance(self.status_changed_at, Unset):
            status_changed_at = UNSET
        elif isinstance(self.status_changed_at, datetime.datetime):
            status_changed_at = self.status_changed_at.isoformat()
        else:
            status_changed_at = self.status_changed_at

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
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
        if status is not UNSET:
            field_dict["status"] = status
        if status_changed_at is not UNSET:
            field_dict["status_changed_at"] = status_changed_at
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact import Contact # noqa: PLC0415
        from ..models.location import Location # noqa: PLC0415
        from ..models.service import Service # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




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
        kind: PartnerKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = check_partner_kind(_kind)




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


        _status = d.pop("status", UNSET)
        status: PartnerStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = check_partner_status(_status)




        def _parse_status_changed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_changed_at_type_0 = datetime.datetime.fromisoformat(data)



                return status_changed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        status_changed_at = _parse_status_changed_at(d.pop("status_changed_at", UNSET))


        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))


        partner = cls(
            id=id,
            name=name,
            contacts=contacts,
            description=description,
            email=email,
            kind=kind,
            locations=locations,
            services=services,
            status=status,
            status_changed_at=status_changed_at,
            website=website,
        )


        partner.additional_properties = d
        return partner

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
