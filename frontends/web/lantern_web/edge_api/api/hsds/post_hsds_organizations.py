from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.import_result import ImportResult
from ...models.post_hsds_organizations_body_type_0 import PostHsdsOrganizationsBodyType0
from ...models.post_hsds_organizations_body_type_1_item import PostHsdsOrganizationsBodyType1Item
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: list[PostHsdsOrganizationsBodyType1Item] | PostHsdsOrganizationsBodyType0,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/hsds/organizations",
    }

    
    if isinstance(body, PostHsdsOrganizationsBodyType0):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = []
        for body_type_1_item_data in body:
            body_type_1_item = body_type_1_item_data.to_dict()
            _kwargs["json"].append(body_type_1_item)




    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[ImportResult] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = ImportResult.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[ImportResult]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: list[PostHsdsOrganizationsBodyType1Item] | PostHsdsOrganizationsBodyType0,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | list[ImportResult]]:
    """ Import HSDS 3.0 organizations

     One HSDS organization or a list of them; each is applied whole or rejected with its reasons.

    Args:
        idempotency_key (str | Unset):
        body (list[PostHsdsOrganizationsBodyType1Item] | PostHsdsOrganizationsBodyType0):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ImportResult]]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: list[PostHsdsOrganizationsBodyType1Item] | PostHsdsOrganizationsBodyType0,
    idempotency_key: str | Unset = UNSET,

) -> Problem | list[ImportResult] | None:
    """ Import HSDS 3.0 organizations

     One HSDS organization or a list of them; each is applied whole or rejected with its reasons.

    Args:
        idempotency_key (str | Unset):
        body (list[PostHsdsOrganizationsBodyType1Item] | PostHsdsOrganizationsBodyType0):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ImportResult]
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: list[PostHsdsOrganizationsBodyType1Item] | PostHsdsOrganizationsBodyType0,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | list[ImportResult]]:
    """ Import HSDS 3.0 organizations

     One HSDS organization or a list of them; each is applied whole or rejected with its reasons.

    Args:
        idempotency_key (str | Unset):
        body (list[PostHsdsOrganizationsBodyType1Item] | PostHsdsOrganizationsBodyType0):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ImportResult]]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: list[PostHsdsOrganizationsBodyType1Item] | PostHsdsOrganizationsBodyType0,
    idempotency_key: str | Unset = UNSET,

) -> Problem | list[ImportResult] | None:
    """ Import HSDS 3.0 organizations

     One HSDS organization or a list of them; each is applied whole or rejected with its reasons.

    Args:
        idempotency_key (str | Unset):
        body (list[PostHsdsOrganizationsBodyType1Item] | PostHsdsOrganizationsBodyType0):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ImportResult]
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
