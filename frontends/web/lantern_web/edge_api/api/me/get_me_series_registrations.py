from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_me_series_registrations_status_type_0 import check_get_me_series_registrations_status_type_0
from ...models.get_me_series_registrations_status_type_0 import GetMeSeriesRegistrationsStatusType0
from ...models.page_series_registration import PageSeriesRegistration
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    series_id: None | Unset | UUID = UNSET,
    patron_id: None | Unset | UUID = UNSET,
    status: GetMeSeriesRegistrationsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_series_id: None | str | Unset
    if isinstance(series_id, Unset):
        json_series_id = UNSET
    elif isinstance(series_id, UUID):
        json_series_id = str(series_id)
    else:
        json_series_id = series_id
    params["series_id"] = json_series_id

    json_patron_id: None | str | Unset
    if isinstance(patron_id, Unset):
        json_patron_id = UNSET
    elif isinstance(patron_id, UUID):
        json_patron_id = str(patron_id)
    else:
        json_patron_id = patron_id
    params["patron_id"] = json_patron_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

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
        "url": "/api/v1/me/series-registrations",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageSeriesRegistration | Problem | None:
    if response.status_code == 200:
        response_200 = PageSeriesRegistration.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageSeriesRegistration | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    series_id: None | Unset | UUID = UNSET,
    patron_id: None | Unset | UUID = UNSET,
    status: GetMeSeriesRegistrationsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageSeriesRegistration | Problem]:
    """ My whole-series registrations

    Args:
        series_id (None | Unset | UUID):
        patron_id (None | Unset | UUID):
        status (GetMeSeriesRegistrationsStatusType0 | None | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSeriesRegistration | Problem]
     """


    kwargs = _get_kwargs(
        series_id=series_id,
patron_id=patron_id,
status=status,
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
    series_id: None | Unset | UUID = UNSET,
    patron_id: None | Unset | UUID = UNSET,
    status: GetMeSeriesRegistrationsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageSeriesRegistration | Problem | None:
    """ My whole-series registrations

    Args:
        series_id (None | Unset | UUID):
        patron_id (None | Unset | UUID):
        status (GetMeSeriesRegistrationsStatusType0 | None | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSeriesRegistration | Problem
     """


    return sync_detailed(
        client=client,
series_id=series_id,
patron_id=patron_id,
status=status,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    series_id: None | Unset | UUID = UNSET,
    patron_id: None | Unset | UUID = UNSET,
    status: GetMeSeriesRegistrationsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageSeriesRegistration | Problem]:
    """ My whole-series registrations

    Args:
        series_id (None | Unset | UUID):
        patron_id (None | Unset | UUID):
        status (GetMeSeriesRegistrationsStatusType0 | None | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSeriesRegistration | Problem]
     """


    kwargs = _get_kwargs(
        series_id=series_id,
patron_id=patron_id,
status=status,
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
    series_id: None | Unset | UUID = UNSET,
    patron_id: None | Unset | UUID = UNSET,
    status: GetMeSeriesRegistrationsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageSeriesRegistration | Problem | None:
    """ My whole-series registrations

    Args:
        series_id (None | Unset | UUID):
        patron_id (None | Unset | UUID):
        status (GetMeSeriesRegistrationsStatusType0 | None | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSeriesRegistration | Problem
     """


    return (await asyncio_detailed(
        client=client,
series_id=series_id,
patron_id=patron_id,
status=status,
limit=limit,
cursor=cursor,

    )).parsed
