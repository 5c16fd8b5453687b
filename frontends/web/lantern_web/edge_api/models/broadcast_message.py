from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.broadcast_message_category import BroadcastMessageCategory
from ..models.broadcast_message_category import check_broadcast_message_category
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.broadcast_message_body import BroadcastMessageBody
  from ..models.broadcast_message_subject import BroadcastMessageSubject





T = TypeVar("T", bound="BroadcastMessage")



@_attrs_define
class BroadcastMessage:
    """ 
        Attributes:
            body (BroadcastMessageBody):
            fallback_language (str): BCP 47 language tag, e.g. en, es-MX, zh-Hant
            subject (BroadcastMessageSubject):
            category (BroadcastMessageCategory | Unset):  Default: 'broadcast'.
     """

    body: BroadcastMessageBody
    fallback_language: str
    subject: BroadcastMessageSubject
    category: BroadcastMessageCategory | Unset = 'broadcast'





    def to_dict(self) -> dict[str, Any]:
        from ..models.broadcast_message_body import BroadcastMessageBody # noqa: PLC0415
        from ..models.broadcast_message_subject import BroadcastMessageSubject # noqa: PLC0415
        body = self.body.to_dict()

        fallback_language = self.fallback_language

        subject = self.subject.to_dict()

        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "body": body,
            "fallback_language": fallback_language,
            "subject": subject,
        })
        if category is not UNSET:
            field_dict["category"] = category

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.broadcast_message_body import BroadcastMessageBody # noqa: PLC0415
        from ..models.broadcast_message_subject import BroadcastMessageSubject # noqa: PLC0415
        d = dict(src_dict)
        body = BroadcastMessageBody.from_dict(d.pop("body"))




        fallback_language = d.pop("fallback_language")

        subject = BroadcastMessageSubject.from_dict(d.pop("subject"))




        _category = d.pop("category", UNSET)
        category: BroadcastMessageCategory | Unset
        if isinstance(_category,  Unset):
            category = UNSET
        else:
            category = check_broadcast_message_category(_category)




        broadcast_message = cls(
            body=body,
            fallback_language=fallback_language,
            subject=subject,
            category=category,
        )

        return broadcast_message

