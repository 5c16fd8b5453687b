from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_openreferral_service_at_locations_sal_id_response_service_at_location_internal_v1_openreferral_service_at_locations_sal_id_get import GetOpenreferralServiceAtLocationsSalIdResponseServiceAtLocationInternalV1OpenreferralServiceAtLocationsSalIdGet
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    sal_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/openreferral/service_at_locations/{sal_id}".format(sal_id=quote(str(sal_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetOpenreferralServiceAtLocationsSalIdResponseServiceAtLocationInternalV1OpenreferralServiceAtLocationsSalIdGet | Problem | None:
    if response.status_code == 200:
        response_200 = GetOpenreferralServiceAtLocationsSalIdResponseServiceAtLocationInternalV1OpenreferralServiceAtLocationsSalIdGet.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetOpenreferralServiceAtLocationsSalIdResponseServiceAtLocationInternalV1OpenreferralServiceAtLocationsSalIdGet | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sal_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetOpenreferralServiceAtLocationsSalIdResponseServiceAtLocationInternalV1OpenreferralServiceAtLocationsSalIdGet | Problem]:
    """ HSDS 3.0: a service at a location

     The service offered there, fully nested, with that one service_at_location.

    Args:
        sal_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetOpenreferralServiceAtLocationsSalIdResponseServiceAtLocationInternalV1OpenreferralServiceAtLocationsSalIdGet | Problem]
     """


    kwargs = _get_kwargs(
        sal_id=sal_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    sal_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> GetOpenreferralServiceAtLocationsSalIdResponseServiceAtLocationInternalV1OpenreferralServiceAtLocationsSalIdGet | Problem | None:
    """ HSDS 3.0: a service at a location

     The service offered there, fully nested, with that one service_at_location.

    Args:
        sal_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetOpenreferralServiceAtLocationsSalIdResponseServiceAtLocationInternalV1OpenreferralServiceAtLocationsSalIdGet | Problem
     """


    return sync_detailed(
        sal_id=sal_id,
client=client,

    ).parsed

async def asyncio_detailed(
    sal_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetOpenreferralServiceAtLocationsSalIdResponseServiceAtLocationInternalV1OpenreferralServiceAtLocationsSalIdGet | Problem]:
    """ HSDS 3.0: a service at a location

     The service offered there, fully nested, with that one service_at_location.

    Args:
        sal_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetOpenreferralServiceAtLocationsSalIdResponseServiceAtLocationInternalV1OpenreferralServiceAtLocationsSalIdGet | Problem]
     """


    kwargs = _get_kwargs(
        sal_id=sal_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    sal_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> GetOpenreferralServiceAtLocationsSalIdResponseServiceAtLocationInternalV1OpenreferralServiceAtLocationsSalIdGet | Problem | None:
    """ HSDS 3.0: a service at a location

     The service offered there, fully nested, with that one service_at_location.

    Args:
        sal_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetOpenreferralServiceAtLocationsSalIdResponseServiceAtLocationInternalV1OpenreferralServiceAtLocationsSalIdGet | Problem
     """


    return (await asyncio_detailed(
        sal_id=sal_id,
client=client,

    )).parsed
