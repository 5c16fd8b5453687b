from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_patrons_patron_id_summary_response_summary_api_v1_patrons_patron_id_summary_get import GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    patron_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/patrons/{patron_id}/summary".format(patron_id=quote(str(patron_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet | Problem | None:
    if response.status_code == 200:
        response_200 = GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    patron_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet | Problem]:
    """ A patron's registrations, loans and inbox at a glance

    Args:
        patron_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet | Problem]
     """


    kwargs = _get_kwargs(
        patron_id=patron_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    patron_id: str,
    *,
    client: AuthenticatedClient,

) -> GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet | Problem | None:
    """ A patron's registrations, loans and inbox at a glance

    Args:
        patron_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet | Problem
     """


    return sync_detailed(
        patron_id=patron_id,
client=client,

    ).parsed

async def asyncio_detailed(
    patron_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet | Problem]:
    """ A patron's registrations, loans and inbox at a glance

    Args:
        patron_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet | Problem]
     """


    kwargs = _get_kwargs(
        patron_id=patron_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    patron_id: str,
    *,
    client: AuthenticatedClient,

) -> GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet | Problem | None:
    """ A patron's registrations, loans and inbox at a glance

    Args:
        patron_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet | Problem
     """


    return (await asyncio_detailed(
        patron_id=patron_id,
client=client,

    )).parsed
