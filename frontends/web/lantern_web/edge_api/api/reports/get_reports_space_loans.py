from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.hours_loaned_report import HoursLoanedReport
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    *,
    from_: datetime.datetime,
    to: datetime.datetime,
    partner_id: None | Unset | UUID = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    json_partner_id: None | str | Unset
    if isinstance(partner_id, Unset):
        json_partner_id = UNSET
    elif isinstance(partner_id, UUID):
        json_partner_id = str(partner_id)
    else:
        json_partner_id = partner_id
    params["partner_id"] = json_partner_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/space-loans",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> HoursLoanedReport | Problem | None:
    if response.status_code == 200:
        response_200 = HoursLoanedReport.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[HoursLoanedReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
    partner_id: None | Unset | UUID = UNSET,

) -> Response[HoursLoanedReport | Problem]:
    """ Hours of space loaned to community organizations, by organization and month (Edge benchmarks)

     Hours of space loaned to community organizations for their own classes, by organization and month.

    Args:
        from_ (datetime.datetime):
        to (datetime.datetime):
        partner_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HoursLoanedReport | Problem]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
partner_id=partner_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
    partner_id: None | Unset | UUID = UNSET,

) -> HoursLoanedReport | Problem | None:
    """ Hours of space loaned to community organizations, by organization and month (Edge benchmarks)

     Hours of space loaned to community organizations for their own classes, by organization and month.

    Args:
        from_ (datetime.datetime):
        to (datetime.datetime):
        partner_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HoursLoanedReport | Problem
     """


    return sync_detailed(
        client=client,
from_=from_,
to=to,
partner_id=partner_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
    partner_id: None | Unset | UUID = UNSET,

) -> Response[HoursLoanedReport | Problem]:
    """ Hours of space loaned to community organizations, by organization and month (Edge benchmarks)

     Hours of space loaned to community organizations for their own classes, by organization and month.

    Args:
        from_ (datetime.datetime):
        to (datetime.datetime):
        partner_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HoursLoanedReport | Problem]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
partner_id=partner_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
    partner_id: None | Unset | UUID = UNSET,

) -> HoursLoanedReport | Problem | None:
    """ Hours of space loaned to community organizations, by organization and month (Edge benchmarks)

     Hours of space loaned to community organizations for their own classes, by organization and month.

    Args:
        from_ (datetime.datetime):
        to (datetime.datetime):
        partner_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HoursLoanedReport | Problem
     """


    return (await asyncio_detailed(
        client=client,
from_=from_,
to=to,
partner_id=partner_id,

    )).parsed
