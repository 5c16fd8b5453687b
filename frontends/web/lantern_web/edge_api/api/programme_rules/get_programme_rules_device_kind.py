from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.device_kind import check_device_kind
from ...models.device_kind import DeviceKind
from ...models.problem import Problem
from ...models.rules_view import RulesView
from typing import cast



def _get_kwargs(
    device_kind: DeviceKind,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/programme-rules/{device_kind}".format(device_kind=quote(str(device_kind), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RulesView | None:
    if response.status_code == 200:
        response_200 = RulesView.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RulesView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    device_kind: DeviceKind,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | RulesView]:
    """ A programme's rules (who may apply, its terms)

    Args:
        device_kind (DeviceKind):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RulesView]
     """


    kwargs = _get_kwargs(
        device_kind=device_kind,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    device_kind: DeviceKind,
    *,
    client: AuthenticatedClient,

) -> Problem | RulesView | None:
    """ A programme's rules (who may apply, its terms)

    Args:
        device_kind (DeviceKind):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RulesView
     """


    return sync_detailed(
        device_kind=device_kind,
client=client,

    ).parsed

async def asyncio_detailed(
    device_kind: DeviceKind,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | RulesView]:
    """ A programme's rules (who may apply, its terms)

    Args:
        device_kind (DeviceKind):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RulesView]
     """


    kwargs = _get_kwargs(
        device_kind=device_kind,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    device_kind: DeviceKind,
    *,
    client: AuthenticatedClient,

) -> Problem | RulesView | None:
    """ A programme's rules (who may apply, its terms)

    Args:
        device_kind (DeviceKind):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RulesView
     """


    return (await asyncio_detailed(
        device_kind=device_kind,
client=client,

    )).parsed
