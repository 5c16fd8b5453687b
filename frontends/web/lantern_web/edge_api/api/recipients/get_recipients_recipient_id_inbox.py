from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.page_inbox_message import PageInboxMessage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    recipient_id: UUID,
    *,
    unread: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["unread"] = unread

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
        "url": "/api/v1/recipients/{recipient_id}/inbox".format(recipient_id=quote(str(recipient_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageInboxMessage | Problem | None:
    if response.status_code == 200:
        response_200 = PageInboxMessage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageInboxMessage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    recipient_id: UUID,
    *,
    client: AuthenticatedClient,
    unread: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageInboxMessage | Problem]:
    """ In-app messages

    Args:
        recipient_id (UUID):
        unread (bool | Unset): Only messages not yet read Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInboxMessage | Problem]
     """


    kwargs = _get_kwargs(
        recipient_id=recipient_id,
unread=unread,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    recipient_id: UUID,
    *,
    client: AuthenticatedClient,
    unread: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageInboxMessage | Problem | None:
    """ In-app messages

    Args:
        recipient_id (UUID):
        unread (bool | Unset): Only messages not yet read Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInboxMessage | Problem
     """


    return sync_detailed(
        recipient_id=recipient_id,
client=client,
unread=unread,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    recipient_id: UUID,
    *,
    client: AuthenticatedClient,
    unread: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageInboxMessage | Problem]:
    """ In-app messages

    Args:
        recipient_id (UUID):
        unread (bool | Unset): Only messages not yet read Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInboxMessage | Problem]
     """


    kwargs = _get_kwargs(
        recipient_id=recipient_id,
unread=unread,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    recipient_id: UUID,
    *,
    client: AuthenticatedClient,
    unread: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageInboxMessage | Problem | None:
    """ In-app messages

    Args:
        recipient_id (UUID):
        unread (bool | Unset): Only messages not yet read Default: False.
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInboxMessage | Problem
     """


    return (await asyncio_detailed(
        recipient_id=recipient_id,
client=client,
unread=unread,
limit=limit,
cursor=cursor,

    )).parsed
