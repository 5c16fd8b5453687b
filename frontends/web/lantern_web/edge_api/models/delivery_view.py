from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.category import Category
from ..models.category import check_category
from ..models.channel import Channel
from ..models.channel import check_channel
from ..models.status import check_status
from ..models.status import Status
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="DeliveryView")



@_attrs_define
class DeliveryView:
    """ A line of the delivery log: status, channel, language, attempts; never the message body or address.

        Attributes:
            attempts (int):
            category (Category):
            cause_event_id (str):
            cause_type (str):
            channel (Channel):
            created_at (datetime.datetime):
            id (UUID):
            language (str):
            message (str):
            reason (None | str):
            recipient_id (None | UUID):
            send_after (datetime.datetime):
            sent_at (datetime.datetime | None):
            seq (int):
            status (Status):
            updated_at (datetime.datetime):
            provider_error (int | None | Unset):
            provider_status (None | str | Unset):
            provider_status_at (datetime.datetime | None | Unset):
     """

    attempts: int
    category: Category
    cause_event_id: str
    cause_type: str
    channel: Channel
    created_at: datetime.datetime
    id: UUID
    language: str
    message: str
    reason: None | str
    recipient_id: None | UUID
    send_after: datetime.datetime
    sent_at: datetime.datetime | None
    seq: int
    status: Status
    updated_at: datetime.datetime
    provider_error: int | None | Unset = UNSET
    provider_status: None | str | Unset = UNSET
    provider_status_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        category: str = self.category

        cause_event_id = self.cause_event_id

        cause_type = self.cause_type

        channel: str = self.channel

        created_at = self.created_at.isoformat()

        id = str(self.id)

        language = self.language

        message = self.message

        reason: None | str
        reason = self.reason

        recipient_id: None | str
        if isinstance(self.recipient_id, UUID):
            recipient_id = str(self.recipient_id)
        else:
            recipient_id = self.recipient_id

        send_after = self.send_after.isoformat()

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        seq = self.seq

        status: str = self.status

        updated_at = self.updated_at.isoformat()

        provider_error: int | None | Unset
        if isinstance(self.provider_error, Unset):
            provider_error = UNSET
        else:
            provider_error = self.provider_error

        provider_status: None | str | Unset
        if isinstance(self.provider_status, Unset):
            provider_status = UNSET
        else:
            provider_status = self.provider_status

        provider_status_at: None | str | Unset
        if isinstance(self.provider_status_at, Unset):
            provider_status_at = UNSET
        elif isinstance(self.provider_status_at, datetime.datetime):
            provider_status_at = self.provider_status_at.isoformat()
        else:
            provider_status_at = self.provider_status_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempts": attempts,
            "category": category,
            "cause_event_id": cause_event_id,
            "cause_type": cause_type,
            "channel": channel,
            "created_at": created_at,
            "id": id,
            "language": language,
            "message": message,
            "reason": reason,
            "recipient_id": recipient_id,
            "send_after": send_after,
            "sent_at": sent_at,
            "seq": seq,
            "status": status,
            "updated_at": updated_at,
        })
        if provider_error is not UNSET:
            field_dict["provider_error"] = provider_error
        if provider_status is not UNSET:
            field_dict["provider_status"] = provider_status
        if provider_status_at is not UNSET:
            field_dict["provider_status_at"] = provider_status_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        category = check_category(d.pop("category"))




        cause_event_id = d.pop("cause_event_id")

        cause_type = d.pop("cause_type")

        channel = check_channel(d.pop("channel"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = UUID(d.pop("id"))




        language = d.pop("language")

        message = d.pop("message")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        def _parse_recipient_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recipient_id_type_0 = UUID(data)



                return recipient_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        recipient_id = _parse_recipient_id(d.pop("recipient_id"))


        send_after = datetime.datetime.fromisoformat(d.pop("send_after"))




        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)



                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))


        seq = d.pop("seq")

        status = check_status(d.pop("status"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_provider_error(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        provider_error = _parse_provider_error(d.pop("provider_error", UNSET))


        def _parse_provider_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_status = _parse_provider_status(d.pop("provider_status", UNSET))


        def _parse_provider_status_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                provider_status_at_type_0 = datetime.datetime.fromisoformat(data)



                return provider_status_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        provider_status_at = _parse_provider_status_at(d.pop("provider_status_at", UNSET))


        delivery_view = cls(
            attempts=attempts,
            category=category,
            cause_event_id=cause_event_id,
            cause_type=cause_type,
            channel=channel,
            created_at=created_at,
            id=id,
            language=language,
            message=message,
            reason=reason,
            recipient_id=recipient_id,
            send_after=send_after,
            sent_at=sent_at,
            seq=seq,
            status=status,
            updated_at=updated_at,
            provider_error=provider_error,
            provider_status=provider_status,
            provider_status_at=provider_status_at,
        )


        delivery_view.additional_properties = d
        return delivery_view

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
