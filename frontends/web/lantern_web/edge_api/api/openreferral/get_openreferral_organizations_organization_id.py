from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_openreferral_organizations_organization_id_response_organization_internal_v1_openreferral_organizations_organization_id_get import GetOpenreferralOrganizationsOrganizationIdResponseOrganizationInternalV1OpenreferralOrganizationsOrganizationIdGet
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    organization_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/openreferral/organizations/{organization_id}".format(organization_id=quote(str(organization_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetOpenreferralOrganizationsOrganizationIdResponseOrganizationInternalV1OpenreferralOrganizationsOrganizationIdGet | Problem | None:
    if response.status_code == 200:
        response_200 = GetOpenreferralOrganizationsOrganizationIdResponseOrganizationInternalV1OpenreferralOrganizationsOrganizationIdGet.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetOpenreferralOrganizationsOrganizationIdResponseOrganizationInternalV1OpenreferralOrganizationsOrganizationIdGet | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetOpenreferralOrganizationsOrganizationIdResponseOrganizationInternalV1OpenreferralOrganizationsOrganizationIdGet | Problem]:
    """ HSDS 3.0: an organization, fully nested

     An organization with its services and locations nested (its contacts, who are people, are not
    published).

    Args:
        organization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetOpenreferralOrganizationsOrganizationIdResponseOrganizationInternalV1OpenreferralOrganizationsOrganizationIdGet | Problem]
     """


    kwargs = _get_kwargs(
        organization_id=organization_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> GetOpenreferralOrganizationsOrganizationIdResponseOrganizationInternalV1OpenreferralOrganizationsOrganizationIdGet | Problem | None:
    """ HSDS 3.0: an organization, fully nested

     An organization with its services and locations nested (its contacts, who are people, are not
    published).

    Args:
        organization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetOpenreferralOrganizationsOrganizationIdResponseOrganizationInternalV1OpenreferralOrganizationsOrganizationIdGet | Problem
     """


    return sync_detailed(
        organization_id=organization_id,
client=client,

    ).parsed

async def asyncio_detailed(
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetOpenreferralOrganizationsOrganizationIdResponseOrganizationInternalV1OpenreferralOrganizationsOrganizationIdGet | Problem]:
    """ HSDS 3.0: an organization, fully nested

     An organization with its services and locations nested (its contacts, who are people, are not
    published).

    Args:
        organization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetOpenreferralOrganizationsOrganizationIdResponseOrganizationInternalV1OpenreferralOrganizationsOrganizationIdGet | Problem]
     """


    kwargs = _get_kwargs(
        organization_id=organization_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> GetOpenreferralOrganizationsOrganizationIdResponseOrganizationInternalV1OpenreferralOrganizationsOrganizationIdGet | Problem | None:
    """ HSDS 3.0: an organization, fully nested

     An organization with its services and locations nested (its contacts, who are people, are not
    published).

    Args:
        organization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetOpenreferralOrganizationsOrganizationIdResponseOrganizationInternalV1OpenreferralOrganizationsOrganizationIdGet | Problem
     """


    return (await asyncio_detailed(
        organization_id=organization_id,
client=client,

    )).parsed
