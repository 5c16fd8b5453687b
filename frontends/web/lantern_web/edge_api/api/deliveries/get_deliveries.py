from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.category import Category
from ...models.category import check_category
from ...models.channel import Channel
from ...models.channel import check_channel
from ...models.page_delivery_view import PageDeliveryView
from ...models.problem import Problem
from ...models.status import check_status
from ...models.status import Status
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    recipient_id: None | Unset | UUID = UNSET,
    status: None | Status | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    language: None | str | Unset = UNSET,
    message: None | str | Unset = UNSET,
    cause_event_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_recipient_id: None | str | Unset
    if isinstance(recipient_id, Unset):
        json_recipient_id = UNSET
    elif isinstance(recipient_id, UUID):
        json_recipient_id = str(recipient_id)
    else:
        json_recipient_id = recipient_id
    params["recipient_id"] = json_recipient_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_channel: None | str | Unset
    if isinstance(channel, Unset):
        json_channel = UNSET
    elif isinstance(channel, str):
        json_channel = channel
    else:
        json_channel = channel
    params["channel"] = json_channel

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    elif isinstance(category, str):
        json_category = category
    else:
        json_category = category
    params["category"] = json_category

    json_language: None | str | Unset
    if isinstance(language, Unset):
        json_language = UNSET
    else:
        json_language = language
    params["language"] = json_language

    json_message: None | str | Unset
    if isinstance(message, Unset):
        json_message = UNSET
    else:
        json_message = message
    params["message"] = json_message

    json_cause_event_id: None | str | Unset
    if isinstance(cause_event_id, Unset):
        json_cause_event_id = UNSET
    else:
        json_cause_event_id = cause_event_id
    params["cause_event_id"] = json_cause_event_id

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/deliveries",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageDeliveryView | Problem | None:
    if response.status_code == 200:
        response_200 = PageDeliveryView.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageDeliveryView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    recipient_id: None | Unset | UUID = UNSET,
    status: None | Status | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    language: None | str | Unset = UNSET,
    message: None | str | Unset = UNSET,
    cause_event_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageDeliveryView | Problem]:
    """ Delivery log (status, channel, language, attempts)

     The delivery log, newest first, for staff: filter by recipient, status, channel, language, category.

    Args:
        recipient_id (None | Unset | UUID):
        status (None | Status | Unset):
        channel (Channel | None | Unset):
        category (Category | None | Unset):
        language (None | str | Unset):
        message (None | str | Unset):
        cause_event_id (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDeliveryView | Problem]
     """


    kwargs = _get_kwargs(
        recipient_id=recipient_id,
status=status,
channel=channel,
category=category,
language=language,
message=message,
cause_event_id=cause_event_id,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    recipient_id: None | Unset | UUID = UNSET,
    status: None | Status | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    language: None | str | Unset = UNSET,
    message: None | str | Unset = UNSET,
    cause_event_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageDeliveryView | Problem | None:
    """ Delivery log (status, channel, language, attempts)

     The delivery log, newest first, for staff: filter by recipient, status, channel, language, category.

    Args:
        recipient_id (None | Unset | UUID):
        status (None | Status | Unset):
        channel (Channel | None | Unset):
        category (Category | None | Unset):
        language (None | str | Unset):
        message (None | str | Unset):
        cause_event_id (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDeliveryView | Problem
     """


    return sync_detailed(
        client=client,
recipient_id=recipient_id,
status=status,
channel=channel,
category=category,
language=language,
message=message,
cause_event_id=cause_event_id,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    recipient_id: None | Unset | UUID = UNSET,
    status: None | Status | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    language: None | str | Unset = UNSET,
    message: None | str | Unset = UNSET,
    cause_event_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageDeliveryView | Problem]:
    """ Delivery log (status, channel, language, attempts)

     The delivery log, newest first, for staff: filter by recipient, status, channel, language, category.

    Args:
        recipient_id (None | Unset | UUID):
        status (None | Status | Unset):
        channel (Channel | None | Unset):
        category (Category | None | Unset):
        language (None | str | Unset):
        message (None | str | Unset):
        cause_event_id (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDeliveryView | Problem]
     """


    kwargs = _get_kwargs(
        recipient_id=recipient_id,
status=status,
channel=channel,
category=category,
language=language,
message=message,
cause_event_id=cause_event_id,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    recipient_id: None | Unset | UUID = UNSET,
    status: None | Status | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    language: None | str | Unset = UNSET,
    message: None | str | Unset = UNSET,
    cause_event_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageDeliveryView | Problem | None:
    """ Delivery log (status, channel, language, attempts)

     The delivery log, newest first, for staff: filter by recipient, status, channel, language, category.

    Args:
        recipient_id (None | Unset | UUID):
        status (None | Status | Unset):
        channel (Channel | None | Unset):
        category (Category | None | Unset):
        language (None | str | Unset):
        message (None | str | Unset):
        cause_event_id (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDeliveryView | Problem
     """


    return (await asyncio_detailed(
        client=client,
recipient_id=recipient_id,
status=status,
channel=channel,
category=category,
language=language,
message=message,
cause_event_id=cause_event_id,
limit=limit,
cursor=cursor,

    )).parsed
