from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.service_status import check_service_status
from ..models.service_status import ServiceStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.schedule import Schedule





T = TypeVar("T", bound="Service")



@_attrs_define
class Service:
    """ 
        Attributes:
            name (str):
            assurer_email (None | str | Unset): HSDS assurer_email: who confirmed it
            description (str | Unset):  Default: ''.
            eligibility (None | str | Unset):
            email (None | str | Unset):
            fees (None | str | Unset):
            id (UUID | Unset):
            languages (list[str] | Unset):
            location_ids (list[UUID] | Unset):
            maximum_age (int | None | Unset):
            minimum_age (int | None | Unset):
            needs (list[str] | Unset):
            schedules (list[Schedule] | Unset):
            status (ServiceStatus | Unset):  Default: 'active'.
            url (None | str | Unset):
            verified_on (datetime.date | None | Unset): HSDS assured_date: when the record was last confirmed
     """

    name: str
    assurer_email: None | str | Unset = UNSET
    description: str | Unset = ''
    eligibility: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    fees: None | str | Unset = UNSET
    id: UUID | Unset = UNSET
    languages: list[str] | Unset = UNSET
    location_ids: list[UUID] | Unset = UNSET
    maximum_age: int | None | Unset = UNSET
    minimum_age: int | None | Unset = UNSET
    needs: list[str] | Unset = UNSET
    schedules: list[Schedule] | Unset = UNSET
    status: ServiceStatus | Unset = 'active'
    url: None | str | Unset = UNSET
    verified_on: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.schedule import Schedule # noqa: PLC0415
        name = self.name

        assurer_email: None | str | Unset
        if isinstance(self.assurer_email, Unset):
            assurer_email = UNSET
        else:
            assurer_email = self.assurer_email

        description = self.description

        eligibility: None | str | Unset
        if isinstance(self.eligibility, Unset):
            eligibility = UNSET
        else:
            eligibility = self.eligibility

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        fees: None | str | Unset
        if isinstance(self.fees, Unset):
            fees = UNSET
        else:
            fees = self.fees

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages



        location_ids: list[str] | Unset = UNSET
        if not isinstance(self.location_ids, Unset):
            location_ids = []
            for location_ids_item_data in self.location_ids:
                location_ids_item = str(location_ids_item_data)
                location_ids.append(location_ids_item)



        maximum_age: int | None | Unset
        if isinstance(self.maximum_age, Unset):
            maximum_age = UNSET
        else:
            maximum_age = self.maximum_age

        minimum_age: int | None | Unset
        if isinstance(self.minimum_age, Unset):
            minimum_age = UNSET
        else:
            minimum_age = self.minimum_age

        needs: list[str] | Unset = UNSET
        if not isinstance(self.needs, Unset):
            needs = self.needs



        schedules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.schedules, Unset):
            schedules = []
            for schedules_item_data in self.schedules:
                schedules_item = schedules_item_data.to_dict()
                schedules.append(schedules_item)



        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status


        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        verified_on: None | str | Unset
        if isinstance(self.verified_on, Unset):
            verified_on = UNSET
        elif isinstance(self.verified_on, datetime.date):
            verified_on = self.verified_on.isoformat()
        else:
            verified_on = self.verified_on


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if assurer_email is not UNSET:
            field_dict["assurer_email"] = assurer_email
        if description is not UNSET:
            field_dict["description"] = description
        if eligibility is not UNSET:
            field_dict["eligibility"] = eligibility
        if email is not UNSET:
            field_dict["email"] = email
        if fees is not UNSET:
            field_dict["fees"] = fees
        if id is not UNSET:
            field_dict["id"] = id
        if languages is not UNSET:
            field_dict["languages"] = languages
        if location_ids is not UNSET:
            field_dict["location_ids"] = location_ids
        if maximum_age is not UNSET:
            field_dict["maximum_age"] = maximum_age
        if minimum_age is not UNSET:
            field_dict["minimum_age"] = minimum_age
        if needs is not UNSET:
            field_dict["needs"] = needs
        if schedules is not UNSET:
            field_dict["schedules"] = schedules
        if status is not UNSET:
            field_dict["status"] = status
        if url is not UNSET:
            field_dict["url"] = url
        if verified_on is not UNSET:
            field_dict["verified_on"] = verified_on

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.schedule import Schedule # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_assurer_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assurer_email = _parse_assurer_email(d.pop("assurer_email", UNSET))


        description = d.pop("description", UNSET)

        def _parse_eligibility(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        eligibility = _parse_eligibility(d.pop("eligibility", UNSET))


        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        def _parse_fees(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fees = _parse_fees(d.pop("fees", UNSET))


        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        languages = cast(list[str], d.pop("languages", UNSET))


        _location_ids = d.pop("location_ids", UNSET)
        location_ids: list[UUID] | Unset = UNSET
        if _location_ids is not UNSET:
            location_ids = []
            for location_ids_item_data in _location_ids:
                location_ids_item = UUID(location_ids_item_data)



                location_ids.append(location_ids_item)


        def _parse_maximum_age(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        maximum_age = _parse_maximum_age(d.pop("maximum_age", UNSET))


        def _parse_minimum_age(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        minimum_age = _parse_minimum_age(d.pop("minimum_age", UNSET))


        needs = cast(list[str], d.pop("needs", UNSET))


        _schedules = d.pop("schedules", UNSET)
        schedules: list[Schedule] | Unset = UNSET
        if _schedules is not UNSET:
            schedules = []
            for schedules_item_data in _schedules:
                schedules_item = Schedule.from_dict(schedules_item_data)



                schedules.append(schedules_item)


        _status = d.pop("status", UNSET)
        status: ServiceStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = check_service_status(_status)




        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))


        def _parse_verified_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verified_on_type_0 = datetime.date.fromisoformat(data)



                return verified_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        verified_on = _parse_verified_on(d.pop("verified_on", UNSET))


        service = cls(
            name=name,
            assurer_email=assurer_email,
            description=description,
            eligibility=eligibility,
            email=email,
            fees=fees,
            id=id,
            languages=languages,
            location_ids=location_ids,
            maximum_age=maximum_age,
            minimum_age=minimum_age,
            needs=needs,
            schedules=schedules,
            status=status,
            url=url,
            verified_on=verified_on,
        )

        return service

