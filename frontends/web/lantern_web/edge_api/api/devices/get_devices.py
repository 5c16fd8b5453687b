from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.device_kind import check_device_kind
from ...models.device_kind import DeviceKind
from ...models.device_state import check_device_state
from ...models.device_state import DeviceState
from ...models.page_device import PageDevice
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    kind: DeviceKind | None | Unset = UNSET,
    state: DeviceState | None | Unset = UNSET,
    home_branch: None | str | Unset = UNSET,
    emergency_pool: bool | None | Unset = UNSET,
    asset_tag: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, str):
        json_kind = kind
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, str):
        json_state = state
    else:
        json_state = state
    params["state"] = json_state

    json_home_branch: None | str | Unset
    if isinstance(home_branch, Unset):
        json_home_branch = UNSET
    else:
        json_home_branch = home_branch
    params["home_branch"] = json_home_branch

    json_emergency_pool: bool | None | Unset
    if isinstance(emergency_pool, Unset):
        json_emergency_pool = UNSET
    else:
        json_emergency_pool = emergency_pool
    params["emergency_pool"] = json_emergency_pool

    json_asset_tag: None | str | Unset
    if isinstance(asset_tag, Unset):
        json_asset_tag = UNSET
    else:
        json_asset_tag = asset_tag
    params["asset_tag"] = json_asset_tag

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
        "url": "/api/v1/devices",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageDevice | Problem | None:
    if response.status_code == 200:
        response_200 = PageDevice.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageDevice | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: DeviceKind | None | Unset = UNSET,
    state: DeviceState | None | Unset = UNSET,
    home_branch: None | str | Unset = UNSET,
    emergency_pool: bool | None | Unset = UNSET,
    asset_tag: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageDevice | Problem]:
    """ Devices (filter by kind, state, branch, emergency pool)

    Args:
        kind (DeviceKind | None | Unset):
        state (DeviceState | None | Unset):
        home_branch (None | str | Unset):
        emergency_pool (bool | None | Unset):
        asset_tag (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDevice | Problem]
     """


    kwargs = _get_kwargs(
        kind=kind,
state=state,
home_branch=home_branch,
emergency_pool=emergency_pool,
asset_tag=asset_tag,
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
    kind: DeviceKind | None | Unset = UNSET,
    state: DeviceState | None | Unset = UNSET,
    home_branch: None | str | Unset = UNSET,
    emergency_pool: bool | None | Unset = UNSET,
    asset_tag: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageDevice | Problem | None:
    """ Devices (filter by kind, state, branch, emergency pool)

    Args:
        kind (DeviceKind | None | Unset):
        state (DeviceState | None | Unset):
        home_branch (None | str | Unset):
        emergency_pool (bool | None | Unset):
        asset_tag (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDevice | Problem
     """


    return sync_detailed(
        client=client,
kind=kind,
state=state,
home_branch=home_branch,
emergency_pool=emergency_pool,
asset_tag=asset_tag,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: DeviceKind | None | Unset = UNSET,
    state: DeviceState | None | Unset = UNSET,
    home_branch: None | str | Unset = UNSET,
    emergency_pool: bool | None | Unset = UNSET,
    asset_tag: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageDevice | Problem]:
    """ Devices (filter by kind, state, branch, emergency pool)

    Args:
        kind (DeviceKind | None | Unset):
        state (DeviceState | None | Unset):
        home_branch (None | str | Unset):
        emergency_pool (bool | None | Unset):
        asset_tag (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDevice | Problem]
     """


    kwargs = _get_kwargs(
        kind=kind,
state=state,
home_branch=home_branch,
emergency_pool=emergency_pool,
asset_tag=asset_tag,
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
    kind: DeviceKind | None | Unset = UNSET,
    state: DeviceState | None | Unset = UNSET,
    home_branch: None | str | Unset = UNSET,
    emergency_pool: bool | None | Unset = UNSET,
    asset_tag: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageDevice | Problem | None:
    """ Devices (filter by kind, state, branch, emergency pool)

    Args:
        kind (DeviceKind | None | Unset):
        state (DeviceState | None | Unset):
        home_branch (None | str | Unset):
        emergency_pool (bool | None | Unset):
        asset_tag (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDevice | Problem
     """


    return (await asyncio_detailed(
        client=client,
kind=kind,
state=state,
home_branch=home_branch,
emergency_pool=emergency_pool,
asset_tag=asset_tag,
limit=limit,
cursor=cursor,

    )).parsed
