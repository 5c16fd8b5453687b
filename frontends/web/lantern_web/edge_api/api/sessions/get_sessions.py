from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_sessions_status_type_0 import check_get_sessions_status_type_0
from ...models.get_sessions_status_type_0 import GetSessionsStatusType0
from ...models.page_session import PageSession
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    *,
    program_id: None | Unset | UUID = UNSET,
    status: GetSessionsStatusType0 | None | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    language: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_program_id: None | str | Unset
    if isinstance(program_id, Unset):
        json_program_id = UNSET
    elif isinstance(program_id, UUID):
        json_program_id = str(program_id)
    else:
        json_program_id = program_id
    params["program_id"] = json_program_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

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

    json_partner_id: None | str | Unset
    if isinstance(partner_id, Unset):
        json_partner_id = UNSET
    elif isinstance(partner_id, UUID):
        json_partner_id = str(partner_id)
    else:
        json_partner_id = partner_id
    params["partner_id"] = json_partner_id

    json_language: None | str | Unset
    if isinstance(language, Unset):
        json_language = UNSET
    else:
        json_language = language
    params["language"] = json_language

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
        "url": "/api/v1/sessions",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageSession | Problem | None:
    if response.status_code == 200:
        response_200 = PageSession.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageSession | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    program_id: None | Unset | UUID = UNSET,
    status: GetSessionsStatusType0 | None | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    language: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageSession | Problem]:
    """ Sessions (filter by program, dates, language, status)

    Args:
        program_id (None | Unset | UUID):
        status (GetSessionsStatusType0 | None | Unset):
        from_ (datetime.datetime | None | Unset): Sessions starting at or after
        to (datetime.datetime | None | Unset): Sessions starting before
        partner_id (None | Unset | UUID): Sessions of programs this partner hosts
        language (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSession | Problem]
     """


    kwargs = _get_kwargs(
        program_id=program_id,
status=status,
from_=from_,
to=to,
partner_id=partner_id,
language=language,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    program_id: None | Unset | UUID = UNSET,
    status: GetSessionsStatusType0 | None | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    language: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageSession | Problem | None:
    """ Sessions (filter by program, dates, language, status)

    Args:
        program_id (None | Unset | UUID):
        status (GetSessionsStatusType0 | None | Unset):
        from_ (datetime.datetime | None | Unset): Sessions starting at or after
        to (datetime.datetime | None | Unset): Sessions starting before
        partner_id (None | Unset | UUID): Sessions of programs this partner hosts
        language (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSession | Problem
     """


    return sync_detailed(
        client=client,
program_id=program_id,
status=status,
from_=from_,
to=to,
partner_id=partner_id,
language=language,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    program_id: None | Unset | UUID = UNSET,
    status: GetSessionsStatusType0 | None | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    language: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageSession | Problem]:
    """ Sessions (filter by program, dates, language, status)

    Args:
        program_id (None | Unset | UUID):
        status (GetSessionsStatusType0 | None | Unset):
        from_ (datetime.datetime | None | Unset): Sessions starting at or after
        to (datetime.datetime | None | Unset): Sessions starting before
        partner_id (None | Unset | UUID): Sessions of programs this partner hosts
        language (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSession | Problem]
     """


    kwargs = _get_kwargs(
        program_id=program_id,
status=status,
from_=from_,
to=to,
partner_id=partner_id,
language=language,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    program_id: None | Unset | UUID = UNSET,
    status: GetSessionsStatusType0 | None | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    language: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageSession | Problem | None:
    """ Sessions (filter by program, dates, language, status)

    Args:
        program_id (None | Unset | UUID):
        status (GetSessionsStatusType0 | None | Unset):
        from_ (datetime.datetime | None | Unset): Sessions starting at or after
        to (datetime.datetime | None | Unset): Sessions starting before
        partner_id (None | Unset | UUID): Sessions of programs this partner hosts
        language (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSession | Problem
     """


    return (await asyncio_detailed(
        client=client,
program_id=program_id,
status=status,
from_=from_,
to=to,
partner_id=partner_id,
language=language,
limit=limit,
cursor=cursor,

    )).parsed
