from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.guest_code_request import GuestCodeRequest
from ...models.guest_code_sent import GuestCodeSent
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: GuestCodeRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/guest/code",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GuestCodeSent | Problem | None:
    if response.status_code == 202:
        response_202 = GuestCodeSent.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GuestCodeSent | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GuestCodeRequest,

) -> Response[GuestCodeSent | Problem]:
    """ A guest without a library card asks for a one-time sign-in code by email

     The same answer whether or not the address is known to Lantern (and while it is locked).

    Args:
        body (GuestCodeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GuestCodeSent | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: GuestCodeRequest,

) -> GuestCodeSent | Problem | None:
    """ A guest without a library card asks for a one-time sign-in code by email

     The same answer whether or not the address is known to Lantern (and while it is locked).

    Args:
        body (GuestCodeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GuestCodeSent | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GuestCodeRequest,

) -> Response[GuestCodeSent | Problem]:
    """ A guest without a library card asks for a one-time sign-in code by email

     The same answer whether or not the address is known to Lantern (and while it is locked).

    Args:
        body (GuestCodeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GuestCodeSent | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GuestCodeRequest,

) -> GuestCodeSent | Problem | None:
    """ A guest without a library card asks for a one-time sign-in code by email

     The same answer whether or not the address is known to Lantern (and while it is locked).

    Args:
        body (GuestCodeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GuestCodeSent | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
