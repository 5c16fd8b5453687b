from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.location import Location





T = TypeVar("T", bound="DirectoryHit")



@_attrs_define
class DirectoryHit:
    """ 
        Attributes:
            description (str):
            distance_km (float | None):
            eligibility (None | str):
            fees (None | str):
            language_match (bool):
            languages (list[str]):
            locations (list[Location]):
            maximum_age (int | None):
            minimum_age (int | None):
            needs (list[str]):
            needs_matched (int):
            open_now (bool):
            partner_id (UUID):
            partner_kind (str):
            partner_name (str):
            partner_status (str): The library's partnership with the organization (prospect, active, lapsed)
            service_id (UUID):
            service_name (str):
            verified_on (datetime.date | None):
     """

    description: str
    distance_km: float | None
    eligibility: None | str
    fees: None | str
    language_match: bool
    languages: list[str]
    locations: list[Location]
    maximum_age: int | None
    minimum_age: int | None
    needs: list[str]
    needs_matched: int
    open_now: bool
    partner_id: UUID
    partner_kind: str
    partner_name: str
    partner_status: str
    service_id: UUID
    service_name: str
    verified_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        description = self.description

        distance_km: float | None
        distance_km = self.distance_km

        eligibility: None | str
        eligibility = self.eligibility

        fees: None | str
        fees = self.fees

        language_match = self.language_match

        languages = self.languages



        locations = []
        for locations_item_data in self.locations:
            locations_item = locations_item_data.to_dict()
            locations.append(locations_item)



        maximum_age: int | None
        maximum_age = self.maximum_age

        minimum_age: int | None
        minimum_age = self.minimum_age

        needs = self.needs



        needs_matched = self.needs_matched

        open_now = self.open_now

        partner_id = str(self.partner_id)

        partner_kind = self.partner_kind

        partner_name = self.partner_name

        partner_status = self.partner_status

        service_id = str(self.service_id)

        service_name = self.service_name

        verified_on: None | str
        if isinstance(self.verified_on, datetime.date):
            verified_on = self.verified_on.isoformat()
        else:
            verified_on = self.verified_on


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "distance_km": distance_km,
            "eligibility": eligibility,
            "fees": fees,
            "language_match": language_match,
            "languages": languages,
            "locations": locations,
            "maximum_age": maximum_age,
            "minimum_age": minimum_age,
            "needs": needs,
            "needs_matched": needs_matched,
            "open_now": open_now,
            "partner_id": partner_id,
            "partner_kind": partner_kind,
            "partner_name": partner_name,
            "partner_status": partner_status,
            "service_id": service_id,
            "service_name": service_name,
            "verified_on": verified_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location # noqa: PLC0415
        d = dict(src_dict)
        description = d.pop("description")

        def _parse_distance_km(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        distance_km = _parse_distance_km(d.pop("distance_km"))


        def _parse_eligibility(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        eligibility = _parse_eligibility(d.pop("eligibility"))


        def _parse_fees(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fees = _parse_fees(d.pop("fees"))


        language_match = d.pop("language_match")

        languages = cast(list[str], d.pop("languages"))


        locations = []
        _locations = d.pop("locations")
        for locations_item_data in (_locations):
            locations_item = Location.from_dict(locations_item_data)



            locations.append(locations_item)


        def _parse_maximum_age(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        maximum_age = _parse_maximum_age(d.pop("maximum_age"))


        def _parse_minimum_age(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        minimum_age = _parse_minimum_age(d.pop("minimum_age"))


        needs = cast(list[str], d.pop("needs"))


        needs_matched = d.pop("needs_matched")

        open_now = d.pop("open_now")

        partner_id = UUID(d.pop("partner_id"))




        partner_kind = d.pop("partner_kind")

        partner_name = d.pop("partner_name")

        partner_status = d.pop("partner_status")

        service_id = UUID(d.pop("service_id"))




        service_name = d.pop("service_name")

        def _parse_verified_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verified_on_type_0 = datetime.date.fromisoformat(data)



                return verified_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        verified_on = _parse_verified_on(d.pop("verified_on"))


        directory_hit = cls(
            description=description,
            distance_km=distance_km,
            eligibility=eligibility,
            fees=fees,
            language_match=language_match,
            languages=languages,
            locations=locations,
            maximum_age=maximum_age,
            minimum_age=minimum_age,
            needs=needs,
            needs_matched=needs_matched,
            open_now=open_now,
            partner_id=partner_id,
            partner_kind=partner_kind,
            partner_name=partner_name,
            partner_status=partner_status,
            service_id=service_id,
            service_name=service_name,
            verified_on=verified_on,
        )


        directory_hit.additional_properties = d
        return directory_hit

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
