from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_appointment_slots_kind_type_0 import check_get_appointment_slots_kind_type_0
from ...models.get_appointment_slots_kind_type_0 import GetAppointmentSlotsKindType0
from ...models.get_appointment_slots_status_type_0 import check_get_appointment_slots_status_type_0
from ...models.get_appointment_slots_status_type_0 import GetAppointmentSlotsStatusType0
from ...models.page_slot import PageSlot
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    *,
    kind: GetAppointmentSlotsKindType0 | None | Unset = UNSET,
    branch: None | str | Unset = UNSET,
    status: GetAppointmentSlotsStatusType0 | None | Unset = UNSET,
    patron_id: None | Unset | UUID = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
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

    json_branch: None | str | Unset
    if isinstance(branch, Unset):
        json_branch = UNSET
    else:
        json_branch = branch
    params["branch"] = json_branch

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_patron_id: None | str | Unset
    if isinstance(patron_id, Unset):
        json_patron_id = UNSET
    elif isinstance(patron_id, UUID):
        json_patron_id = str(patron_id)
    else:
        json_patron_id = patron_id
    params["patron_id"] = json_patron_id

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.datetime):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.datetime):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

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
        "url": "/api/v1/appointment-slots",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageSlot | Problem | None:
    if response.status_code == 200:
        response_200 = PageSlot.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageSlot | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: GetAppointmentSlotsKindType0 | None | Unset = UNSET,
    branch: None | str | Unset = UNSET,
    status: GetAppointmentSlotsStatusType0 | None | Unset = UNSET,
    patron_id: None | Unset | UUID = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageSlot | Problem]:
    """ One-to-one help slots (no patron data for others)

     Open slots to book, or (with `patron_id`) a patron's own appointments.

    Args:
        kind (GetAppointmentSlotsKindType0 | None | Unset):
        branch (None | str | Unset):
        status (GetAppointmentSlotsStatusType0 | None | Unset):
        patron_id (None | Unset | UUID):
        from_ (datetime.datetime | None | Unset):
        to (datetime.datetime | None | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSlot | Problem]
     """


    kwargs = _get_kwargs(
        kind=kind,
branch=branch,
status=status,
patron_id=patron_id,
from_=from_,
to=to,
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
    kind: GetAppointmentSlotsKindType0 | None | Unset = UNSET,
    branch: None | str | Unset = UNSET,
    status: GetAppointmentSlotsStatusType0 | None | Unset = UNSET,
    patron_id: None | Unset | UUID = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageSlot | Problem | None:
    """ One-to-one help slots (no patron data for others)

     Open slots to book, or (with `patron_id`) a patron's own appointments.

    Args:
        kind (GetAppointmentSlotsKindType0 | None | Unset):
        branch (None | str | Unset):
        status (GetAppointmentSlotsStatusType0 | None | Unset):
        patron_id (None | Unset | UUID):
        from_ (datetime.datetime | None | Unset):
        to (datetime.datetime | None | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSlot | Problem
     """


    return sync_detailed(
        client=client,
kind=kind,
branch=branch,
status=status,
patron_id=patron_id,
from_=from_,
to=to,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: GetAppointmentSlotsKindType0 | None | Unset = UNSET,
    branch: None | str | Unset = UNSET,
    status: GetAppointmentSlotsStatusType0 | None | Unset = UNSET,
    patron_id: None | Unset | UUID = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageSlot | Problem]:
    """ One-to-one help slots (no patron data for others)

     Open slots to book, or (with `patron_id`) a patron's own appointments.

    Args:
        kind (GetAppointmentSlotsKindType0 | None | Unset):
        branch (None | str | Unset):
        status (GetAppointmentSlotsStatusType0 | None | Unset):
        patron_id (None | Unset | UUID):
        from_ (datetime.datetime | None | Unset):
        to (datetime.datetime | None | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSlot | Problem]
     """


    kwargs = _get_kwargs(
        kind=kind,
branch=branch,
status=status,
patron_id=patron_id,
from_=from_,
to=to,
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
    kind: GetAppointmentSlotsKindType0 | None | Unset = UNSET,
    branch: None | str | Unset = UNSET,
    status: GetAppointmentSlotsStatusType0 | None | Unset = UNSET,
    patron_id: None | Unset | UUID = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageSlot | Problem | None:
    """ One-to-one help slots (no patron data for others)

     Open slots to book, or (with `patron_id`) a patron's own appointments.

    Args:
        kind (GetAppointmentSlotsKindType0 | None | Unset):
        branch (None | str | Unset):
        status (GetAppointmentSlotsStatusType0 | None | Unset):
        patron_id (None | Unset | UUID):
        from_ (datetime.datetime | None | Unset):
        to (datetime.datetime | None | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSlot | Problem
     """


    return (await asyncio_detailed(
        client=client,
kind=kind,
branch=branch,
status=status,
patron_id=patron_id,
from_=from_,
to=to,
limit=limit,
cursor=cursor,

    )).parsed
