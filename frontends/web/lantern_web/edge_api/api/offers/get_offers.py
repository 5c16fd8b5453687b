from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.device_kind import check_device_kind
from ...models.device_kind import DeviceKind
from ...models.offer_status import check_offer_status
from ...models.offer_status import OfferStatus
from ...models.page_offer import PageOffer
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    application_id: None | Unset | UUID = UNSET,
    device_kind: DeviceKind | None | Unset = UNSET,
    status: None | OfferStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_application_id: None | str | Unset
    if isinstance(application_id, Unset):
        json_application_id = UNSET
    elif isinstance(application_id, UUID):
        json_application_id = str(application_id)
    else:
        json_application_id = application_id
    params["application_id"] = json_application_id

    json_device_kind: None | str | Unset
    if isinstance(device_kind, Unset):
        json_device_kind = UNSET
    elif isinstance(device_kind, str):
        json_device_kind = device_kind
    else:
        json_device_kind = device_kind
    params["device_kind"] = json_device_kind

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
        "url": "/api/v1/offers",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageOffer | Problem | None:
    if response.status_code == 200:
        response_200 = PageOffer.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageOffer | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    application_id: None | Unset | UUID = UNSET,
    device_kind: DeviceKind | None | Unset = UNSET,
    status: None | OfferStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageOffer | Problem]:
    """ Offers

    Args:
        application_id (None | Unset | UUID):
        device_kind (DeviceKind | None | Unset):
        status (None | OfferStatus | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOffer | Problem]
     """


    kwargs = _get_kwargs(
        application_id=application_id,
device_kind=device_kind,
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
    application_id: None | Unset | UUID = UNSET,
    device_kind: DeviceKind | None | Unset = UNSET,
    status: None | OfferStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageOffer | Problem | None:
    """ Offers

    Args:
        application_id (None | Unset | UUID):
        device_kind (DeviceKind | None | Unset):
        status (None | OfferStatus | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOffer | Problem
     """


    return sync_detailed(
        client=client,
application_id=application_id,
device_kind=device_kind,
status=status,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    application_id: None | Unset | UUID = UNSET,
    device_kind: DeviceKind | None | Unset = UNSET,
    status: None | OfferStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageOffer | Problem]:
    """ Offers

    Args:
        application_id (None | Unset | UUID):
        device_kind (DeviceKind | None | Unset):
        status (None | OfferStatus | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOffer | Problem]
     """


    kwargs = _get_kwargs(
        application_id=application_id,
device_kind=device_kind,
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
    application_id: None | Unset | UUID = UNSET,
    device_kind: DeviceKind | None | Unset = UNSET,
    status: None | OfferStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageOffer | Problem | None:
    """ Offers

    Args:
        application_id (None | Unset | UUID):
        device_kind (DeviceKind | None | Unset):
        status (None | OfferStatus | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOffer | Problem
     """


    return (await asyncio_detailed(
        client=client,
application_id=application_id,
device_kind=device_kind,
status=status,
limit=limit,
cursor=cursor,

    )).parsed
