from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    kind: None | str | Unset = UNSET,
    branch: None | str | Unset = UNSET,
    language: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_branch: None | str | Unset
    if isinstance(branch, Unset):
        json_branch = UNSET
    else:
        json_branch = branch
    params["branch"] = json_branch

    json_language: None | str | Unset
    if isinstance(language, Unset):
        json_language = UNSET
    else:
        json_language = language
    params["language"] = json_language


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/calendar/programs.ics",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: None | str | Unset = UNSET,
    branch: None | str | Unset = UNSET,
    language: None | str | Unset = UNSET,

) -> Response[Problem | str]:
    """ Calendar feed (by program kind, branch, language)

     Sessions from a month ago on, filtered by program kind, branch and language; cancelled ones as
    cancelled.

    Args:
        kind (None | str | Unset):
        branch (None | str | Unset):
        language (None | str | Unset): Taught in this language; titles in it

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        kind=kind,
branch=branch,
language=language,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    kind: None | str | Unset = UNSET,
    branch: None | str | Unset = UNSET,
    language: None | str | Unset = UNSET,

) -> Problem | str | None:
    """ Calendar feed (by program kind, branch, language)

     Sessions from a month ago on, filtered by program kind, branch and language; cancelled ones as
    cancelled.

    Args:
        kind (None | str | Unset):
        branch (None | str | Unset):
        language (None | str | Unset): Taught in this language; titles in it

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return sync_detailed(
        client=client,
kind=kind,
branch=branch,
language=language,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: None | str | Unset = UNSET,
    branch: None | str | Unset = UNSET,
    language: None | str | Unset = UNSET,

) -> Response[Problem | str]:
    """ Calendar feed (by program kind, branch, language)

     Sessions from a month ago on, filtered by program kind, branch and language; cancelled ones as
    cancelled.

    Args:
        kind (None | str | Unset):
        branch (None | str | Unset):
        language (None | str | Unset): Taught in this language; titles in it

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        kind=kind,
branch=branch,
language=language,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    kind: None | str | Unset = UNSET,
    branch: None | str | Unset = UNSET,
    language: None | str | Unset = UNSET,

) -> Problem | str | None:
    """ Calendar feed (by program kind, branch, language)

     Sessions from a month ago on, filtered by program kind, branch and language; cancelled ones as
    cancelled.

    Args:
        kind (None | str | Unset):
        branch (None | str | Unset):
        language (None | str | Unset): Taught in this language; titles in it

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return (await asyncio_detailed(
        client=client,
kind=kind,
branch=branch,
language=language,

    )).parsed
