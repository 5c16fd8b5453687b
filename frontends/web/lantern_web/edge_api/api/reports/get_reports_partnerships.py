from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.partnerships_report import PartnershipsReport
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    referrals_since: datetime.datetime | None | Unset = UNSET,
    referrals_until: datetime.datetime | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_referrals_since: None | str | Unset
    if isinstance(referrals_since, Unset):
        json_referrals_since = UNSET
    elif isinstance(referrals_since, datetime.datetime):
        json_referrals_since = referrals_since.isoformat()
    else:
        json_referrals_since = referrals_since
    params["referrals_since"] = json_referrals_since

    json_referrals_until: None | str | Unset
    if isinstance(referrals_until, Unset):
        json_referrals_until = UNSET
    elif isinstance(referrals_until, datetime.datetime):
        json_referrals_until = referrals_until.isoformat()
    else:
        json_referrals_until = referrals_until
    params["referrals_until"] = json_referrals_until


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/partnerships",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PartnershipsReport | Problem | None:
    if response.status_code == 200:
        response_200 = PartnershipsReport.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PartnershipsReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    referrals_since: datetime.datetime | None | Unset = UNSET,
    referrals_until: datetime.datetime | None | Unset = UNSET,

) -> Response[PartnershipsReport | Problem]:
    """ Partnerships report (Edge benchmarks)

    Args:
        referrals_since (datetime.datetime | None | Unset): Count referrals made from this moment
        referrals_until (datetime.datetime | None | Unset): … up to (not including) this one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PartnershipsReport | Problem]
     """


    kwargs = _get_kwargs(
        referrals_since=referrals_since,
referrals_until=referrals_until,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    referrals_since: datetime.datetime | None | Unset = UNSET,
    referrals_until: datetime.datetime | None | Unset = UNSET,

) -> PartnershipsReport | Problem | None:
    """ Partnerships report (Edge benchmarks)

    Args:
        referrals_since (datetime.datetime | None | Unset): Count referrals made from this moment
        referrals_until (datetime.datetime | None | Unset): … up to (not including) this one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PartnershipsReport | Problem
     """


    return sync_detailed(
        client=client,
referrals_since=referrals_since,
referrals_until=referrals_until,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    referrals_since: datetime.datetime | None | Unset = UNSET,
    referrals_until: datetime.datetime | None | Unset = UNSET,

) -> Response[PartnershipsReport | Problem]:
    """ Partnerships report (Edge benchmarks)

    Args:
        referrals_since (datetime.datetime | None | Unset): Count referrals made from this moment
        referrals_until (datetime.datetime | None | Unset): … up to (not including) this one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PartnershipsReport | Problem]
     """


    kwargs = _get_kwargs(
        referrals_since=referrals_since,
referrals_until=referrals_until,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    referrals_since: datetime.datetime | None | Unset = UNSET,
    referrals_until: datetime.datetime | None | Unset = UNSET,

) -> PartnershipsReport | Problem | None:
    """ Partnerships report (Edge benchmarks)

    Args:
        referrals_since (datetime.datetime | None | Unset): Count referrals made from this moment
        referrals_until (datetime.datetime | None | Unset): … up to (not including) this one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PartnershipsReport | Problem
     """


    return (await asyncio_detailed(
        client=client,
referrals_since=referrals_since,
referrals_until=referrals_until,

    )).parsed
