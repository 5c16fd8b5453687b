from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.referral_consent import ReferralConsent
from typing import cast
from uuid import UUID



def _get_kwargs(
    patron_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/patrons/{patron_id}/referral-consent".format(patron_id=quote(str(patron_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReferralConsent | None:
    if response.status_code == 200:
        response_200 = ReferralConsent.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReferralConsent]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    patron_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | ReferralConsent]:
    """ Whether a patron agreed to referrals

     Whether staff may refer this patron (as registration last told partners); no personal data.

    Args:
        patron_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferralConsent]
     """


    kwargs = _get_kwargs(
        patron_id=patron_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    patron_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | ReferralConsent | None:
    """ Whether a patron agreed to referrals

     Whether staff may refer this patron (as registration last told partners); no personal data.

    Args:
        patron_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferralConsent
     """


    return sync_detailed(
        patron_id=patron_id,
client=client,

    ).parsed

async def asyncio_detailed(
    patron_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | ReferralConsent]:
    """ Whether a patron agreed to referrals

     Whether staff may refer this patron (as registration last told partners); no personal data.

    Args:
        patron_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferralConsent]
     """


    kwargs = _get_kwargs(
        patron_id=patron_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    patron_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | ReferralConsent | None:
    """ Whether a patron agreed to referrals

     Whether staff may refer this patron (as registration last told partners); no personal data.

    Args:
        patron_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferralConsent
     """


    return (await asyncio_detailed(
        patron_id=patron_id,
client=client,

    )).parsed
