from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.borrower_kind import BorrowerKind
from ...models.borrower_kind import check_borrower_kind
from ...models.device_kind import check_device_kind
from ...models.device_kind import DeviceKind
from ...models.get_me_loans_status_type_0 import check_get_me_loans_status_type_0
from ...models.get_me_loans_status_type_0 import GetMeLoansStatusType0
from ...models.page_loan import PageLoan
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    borrower_id: None | Unset | UUID = UNSET,
    device_id: None | Unset | UUID = UNSET,
    borrower_kind: BorrowerKind | None | Unset = UNSET,
    device_kind: DeviceKind | None | Unset = UNSET,
    status: GetMeLoansStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_borrower_id: None | str | Unset
    if isinstance(borrower_id, Unset):
        json_borrower_id = UNSET
    elif isinstance(borrower_id, UUID):
        json_borrower_id = str(borrower_id)
    else:
        json_borrower_id = borrower_id
    params["borrower_id"] = json_borrower_id

    json_device_id: None | str | Unset
    if isinstance(device_id, Unset):
        json_device_id = UNSET
    elif isinstance(device_id, UUID):
        json_device_id = str(device_id)
    else:
        json_device_id = device_id
    params["device_id"] = json_device_id

    json_borrower_kind: None | str | Unset
    if isinstance(borrower_kind, Unset):
        json_borrower_kind = UNSET
    elif isinstance(borrower_kind, str):
        json_borrower_kind = borrower_kind
    else:
        json_borrower_kind = borrower_kind
    params["borrower_kind"] = json_borrower_kind

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
        "url": "/api/v1/me/loans",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageLoan | Problem | None:
    if response.status_code == 200:
        response_200 = PageLoan.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageLoan | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    borrower_id: None | Unset | UUID = UNSET,
    device_id: None | Unset | UUID = UNSET,
    borrower_kind: BorrowerKind | None | Unset = UNSET,
    device_kind: DeviceKind | None | Unset = UNSET,
    status: GetMeLoansStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageLoan | Problem]:
    """ My loans (a partner: its organization's)

    Args:
        borrower_id (None | Unset | UUID):
        device_id (None | Unset | UUID):
        borrower_kind (BorrowerKind | None | Unset):
        device_kind (DeviceKind | None | Unset):
        status (GetMeLoansStatusType0 | None | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageLoan | Problem]
     """


    kwargs = _get_kwargs(
        borrower_id=borrower_id,
device_id=device_id,
borrower_kind=borrower_kind,
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
    borrower_id: None | Unset | UUID = UNSET,
    device_id: None | Unset | UUID = UNSET,
    borrower_kind: BorrowerKind | None | Unset = UNSET,
    device_kind: DeviceKind | None | Unset = UNSET,
    status: GetMeLoansStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageLoan | Problem | None:
    """ My loans (a partner: its organization's)

    Args:
        borrower_id (None | Unset | UUID):
        device_id (None | Unset | UUID):
        borrower_kind (BorrowerKind | None | Unset):
        device_kind (DeviceKind | None | Unset):
        status (GetMeLoansStatusType0 | None | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageLoan | Problem
     """


    return sync_detailed(
        client=client,
borrower_id=borrower_id,
device_id=device_id,
borrower_kind=borrower_kind,
device_kind=device_kind,
status=status,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    borrower_id: None | Unset | UUID = UNSET,
    device_id: None | Unset | UUID = UNSET,
    borrower_kind: BorrowerKind | None | Unset = UNSET,
    device_kind: DeviceKind | None | Unset = UNSET,
    status: GetMeLoansStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageLoan | Problem]:
    """ My loans (a partner: its organization's)

    Args:
        borrower_id (None | Unset | UUID):
        device_id (None | Unset | UUID):
        borrower_kind (BorrowerKind | None | Unset):
        device_kind (DeviceKind | None | Unset):
        status (GetMeLoansStatusType0 | None | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageLoan | Problem]
     """


    kwargs = _get_kwargs(
        borrower_id=borrower_id,
device_id=device_id,
borrower_kind=borrower_kind,
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
    borrower_id: None | Unset | UUID = UNSET,
    device_id: None | Unset | UUID = UNSET,
    borrower_kind: BorrowerKind | None | Unset = UNSET,
    device_kind: DeviceKind | None | Unset = UNSET,
    status: GetMeLoansStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageLoan | Problem | None:
    """ My loans (a partner: its organization's)

    Args:
        borrower_id (None | Unset | UUID):
        device_id (None | Unset | UUID):
        borrower_kind (BorrowerKind | None | Unset):
        device_kind (DeviceKind | None | Unset):
        status (GetMeLoansStatusType0 | None | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageLoan | Problem
     """


    return (await asyncio_detailed(
        client=client,
borrower_id=borrower_id,
device_id=device_id,
borrower_kind=borrower_kind,
device_kind=device_kind,
status=status,
limit=limit,
cursor=cursor,

    )).parsed
