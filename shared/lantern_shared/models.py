"""One strict base for every request body: unknown fields and NUL characters are refused, naming the field, and
booleans, whole numbers, dates and times must come as the JSON types the schema states (not "true", "3" or 0)."""

import types
from datetime import date, datetime, time
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(_has_nul(v) for v in value)
    return False


def _scalar_types(annotation: Any) -> set[type]:
    """The plain types a field takes, through Optional, unions and Annotated (not inside lists or maps)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _scalar_types(get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        return set().union(*(_scalar_types(a) for a in get_args(annotation)))
    return {annotation} if isinstance(annotation, type) else set()


def _item_types(annotation: Any) -> set[type]:
    """The plain types of a list field's items, through Optional, unions and Annotated (empty: not a list)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _item_types(get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        return set().union(*(_item_types(a) for a in get_args(annotation)))
    if origin in (list, tuple, set, frozenset):
        return set().union(*(_scalar_types(a) for a in get_args(annotation) if a is not Ellipsis))
    return set()


def _integral(value: Any) -> bool:
    return isinstance(value, float) and value.is_integer()


def _wrong_json_type(value: Any, kinds: set[type]) -> str | None:
    """What is wrong when a JSON value is not of the JSON type the field's schema states (None: nothing)."""
    kinds = kinds - {type(None)}
    if value is None or not kinds:
        return None
    if kinds == {bool} and not isinstance(value, bool):
        return "must be true or false"
    # JSON has one number type: 2.0 is the integer 2 (JSON Schema's "integer" says so too); 2.5 and "2" are not.
    if kinds == {int} and (isinstance(value, bool) or not (isinstance(value, int) or _integral(value))):
        return "must be a whole number"
    if kinds <= {date, datetime, time} and not isinstance(value, (str, date, time)):
        return "must be an ISO 8601 date, time or date and time, not a number"
    return None


class RequestModel(BaseModel):
    """Base of every public request body (and of the models nested in one)."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value: Any, info: ValidationInfo) -> Any:
        # PostgreSQL cannot store U+0000 in text; refusing it here names the field instead of failing in the store.
        if _has_nul(value):
            raise ValueError("may not contain NUL (\\u0000) characters")
        # Pydantic's lax mode would read 0 as false, "3" as 3 and 0 as 1970-01-01: what the schema calls a boolean,
        # an integer or a date must come as one (strict mode cannot do this: bodies arrive as Python values).
        field = cls.model_fields.get(info.field_name or "")
        if field is not None:
            mistake = _wrong_json_type(value, _scalar_types(field.annotation))
            if mistake:
                raise ValueError(mistake)
            if isinstance(value, list):  # the same for a list's items: [0] is not a list of dates
                kinds = _item_types(field.annotation)
                for index, item in enumerate(value):
                    mistake = _wrong_json_type(item, kinds)
                    if mistake:
                        raise ValueError(f"item {index} {mistake}")
        return value
