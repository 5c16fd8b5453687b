from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_openreferral_taxonomy_terms_response_taxonomy_terms_internal_v1_openreferral_taxonomy_terms_get import GetOpenreferralTaxonomyTermsResponseTaxonomyTermsInternalV1OpenreferralTaxonomyTermsGet
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    taxonomy_id: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_search: None | str | Unset
    if isinstance(search, Unset):
        json_search = UNSET
    else:
        json_search = search
    params["search"] = json_search

    params["page"] = page

    params["per_page"] = per_page

    json_taxonomy_id: None | str | Unset
    if isinstance(taxonomy_id, Unset):
        json_taxonomy_id = UNSET
    else:
        json_taxonomy_id = taxonomy_id
    params["taxonomy_id"] = json_taxonomy_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/openreferral/taxonomy_terms",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetOpenreferralTaxonomyTermsResponseTaxonomyTermsInternalV1OpenreferralTaxonomyTermsGet | Problem | None:
    if response.status_code == 200:
        response_200 = GetOpenreferralTaxonomyTermsResponseTaxonomyTermsInternalV1OpenreferralTaxonomyTermsGet.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetOpenreferralTaxonomyTermsResponseTaxonomyTermsInternalV1OpenreferralTaxonomyTermsGet | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    taxonomy_id: None | str | Unset = UNSET,

) -> Response[GetOpenreferralTaxonomyTermsResponseTaxonomyTermsInternalV1OpenreferralTaxonomyTermsGet | Problem]:
    """ HSDS 3.0: taxonomy terms

    Args:
        search (None | str | Unset): Full-text search (words, each matched as a prefix, accents
            ignored)
        page (int | Unset): Page number of paginated result Default: 1.
        per_page (int | Unset): Number of results requested in a single page Default: 50.
        taxonomy_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetOpenreferralTaxonomyTermsResponseTaxonomyTermsInternalV1OpenreferralTaxonomyTermsGet | Problem]
     """


    kwargs = _get_kwargs(
        search=search,
page=page,
per_page=per_page,
taxonomy_id=taxonomy_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    taxonomy_id: None | str | Unset = UNSET,

) -> GetOpenreferralTaxonomyTermsResponseTaxonomyTermsInternalV1OpenreferralTaxonomyTermsGet | Problem | None:
    """ HSDS 3.0: taxonomy terms

    Args:
        search (None | str | Unset): Full-text search (words, each matched as a prefix, accents
            ignored)
        page (int | Unset): Page number of paginated result Default: 1.
        per_page (int | Unset): Number of results requested in a single page Default: 50.
        taxonomy_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetOpenreferralTaxonomyTermsResponseTaxonomyTermsInternalV1OpenreferralTaxonomyTermsGet | Problem
     """


    return sync_detailed(
        client=client,
search=search,
page=page,
per_page=per_page,
taxonomy_id=taxonomy_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    taxonomy_id: None | str | Unset = UNSET,

) -> Response[GetOpenreferralTaxonomyTermsResponseTaxonomyTermsInternalV1OpenreferralTaxonomyTermsGet | Problem]:
    """ HSDS 3.0: taxonomy terms

    Args:
        search (None | str | Unset): Full-text search (words, each matched as a prefix, accents
            ignored)
        page (int | Unset): Page number of paginated result Default: 1.
        per_page (int | Unset): Number of results requested in a single page Default: 50.
        taxonomy_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetOpenreferralTaxonomyTermsResponseTaxonomyTermsInternalV1OpenreferralTaxonomyTermsGet | Problem]
     """


    kwargs = _get_kwargs(
        search=search,
page=page,
per_page=per_page,
taxonomy_id=taxonomy_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    taxonomy_id: None | str | Unset = UNSET,

) -> GetOpenreferralTaxonomyTermsResponseTaxonomyTermsInternalV1OpenreferralTaxonomyTermsGet | Problem | None:
    """ HSDS 3.0: taxonomy terms

    Args:
        search (None | str | Unset): Full-text search (words, each matched as a prefix, accents
            ignored)
        page (int | Unset): Page number of paginated result Default: 1.
        per_page (int | Unset): Number of results requested in a single page Default: 50.
        taxonomy_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetOpenreferralTaxonomyTermsResponseTaxonomyTermsInternalV1OpenreferralTaxonomyTermsGet | Problem
     """


    return (await asyncio_detailed(
        client=client,
search=search,
page=page,
per_page=per_page,
taxonomy_id=taxonomy_id,

    )).parsed
