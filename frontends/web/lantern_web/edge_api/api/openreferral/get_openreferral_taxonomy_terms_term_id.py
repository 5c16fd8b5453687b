from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_openreferral_taxonomy_terms_term_id_response_taxonomy_term_internal_v1_openreferral_taxonomy_terms_term_id_get import GetOpenreferralTaxonomyTermsTermIdResponseTaxonomyTermInternalV1OpenreferralTaxonomyTermsTermIdGet
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    term_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/openreferral/taxonomy_terms/{term_id}".format(term_id=quote(str(term_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetOpenreferralTaxonomyTermsTermIdResponseTaxonomyTermInternalV1OpenreferralTaxonomyTermsTermIdGet | Problem | None:
    if response.status_code == 200:
        response_200 = GetOpenreferralTaxonomyTermsTermIdResponseTaxonomyTermInternalV1OpenreferralTaxonomyTermsTermIdGet.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetOpenreferralTaxonomyTermsTermIdResponseTaxonomyTermInternalV1OpenreferralTaxonomyTermsTermIdGet | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    term_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetOpenreferralTaxonomyTermsTermIdResponseTaxonomyTermInternalV1OpenreferralTaxonomyTermsTermIdGet | Problem]:
    """ HSDS 3.0: a taxonomy term

    Args:
        term_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetOpenreferralTaxonomyTermsTermIdResponseTaxonomyTermInternalV1OpenreferralTaxonomyTermsTermIdGet | Problem]
     """


    kwargs = _get_kwargs(
        term_id=term_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    term_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> GetOpenreferralTaxonomyTermsTermIdResponseTaxonomyTermInternalV1OpenreferralTaxonomyTermsTermIdGet | Problem | None:
    """ HSDS 3.0: a taxonomy term

    Args:
        term_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetOpenreferralTaxonomyTermsTermIdResponseTaxonomyTermInternalV1OpenreferralTaxonomyTermsTermIdGet | Problem
     """


    return sync_detailed(
        term_id=term_id,
client=client,

    ).parsed

async def asyncio_detailed(
    term_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetOpenreferralTaxonomyTermsTermIdResponseTaxonomyTermInternalV1OpenreferralTaxonomyTermsTermIdGet | Problem]:
    """ HSDS 3.0: a taxonomy term

    Args:
        term_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetOpenreferralTaxonomyTermsTermIdResponseTaxonomyTermInternalV1OpenreferralTaxonomyTermsTermIdGet | Problem]
     """


    kwargs = _get_kwargs(
        term_id=term_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    term_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> GetOpenreferralTaxonomyTermsTermIdResponseTaxonomyTermInternalV1OpenreferralTaxonomyTermsTermIdGet | Problem | None:
    """ HSDS 3.0: a taxonomy term

    Args:
        term_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetOpenreferralTaxonomyTermsTermIdResponseTaxonomyTermInternalV1OpenreferralTaxonomyTermsTermIdGet | Problem
     """


    return (await asyncio_detailed(
        term_id=term_id,
client=client,

    )).parsed
