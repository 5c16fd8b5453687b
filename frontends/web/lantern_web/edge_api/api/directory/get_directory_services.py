from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.page_directory_hit import PageDirectoryHit
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    need: list[str] | Unset = UNSET,
    language: None | str | Unset = UNSET,
    lat: float | None | Unset = UNSET,
    lon: float | None | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    postal_code: None | str | Unset = UNSET,
    age: int | None | Unset = UNSET,
    open_now: bool | Unset = False,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_need: list[str] | Unset = UNSET
    if not isinstance(need, Unset):
        json_need = need


    params["need"] = json_need

    json_language: None | str | Unset
    if isinstance(language, Unset):
        json_language = UNSET
    else:
        json_language = language
    params["language"] = json_language

    json_lat: float | None | Unset
    if isinstance(lat, Unset):
        json_lat = UNSET
    else:
        json_lat = lat
    params["lat"] = json_lat

    json_lon: float | None | Unset
    if isinstance(lon, Unset):
        json_lon = UNSET
    else:
        json_lon = lon
    params["lon"] = json_lon

    json_radius_km: float | None | Unset
    if isinstance(radius_km, Unset):
        json_radius_km = UNSET
    else:
        json_radius_km = radius_km
    params["radius_km"] = json_radius_km

    json_postal_code: None | str | Unset
    if isinstance(postal_code, Unset):
        json_postal_code = UNSET
    else:
        json_postal_code = postal_code
    params["postal_code"] = json_postal_code

    json_age: int | None | Unset
    if isinstance(age, Unset):
        json_age = UNSET
    else:
        json_age = age
    params["age"] = json_age

    params["open_now"] = open_now

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/directory/services",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageDirectoryHit | Problem | None:
    if response.status_code == 200:
        response_200 = PageDirectoryHit.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageDirectoryHit | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    need: list[str] | Unset = UNSET,
    language: None | str | Unset = UNSET,
    lat: float | None | Unset = UNSET,
    lon: float | None | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    postal_code: None | str | Unset = UNSET,
    age: int | None | Unset = UNSET,
    open_now: bool | Unset = False,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageDirectoryHit | Problem]:
    """ Search the referral directory

    Args:
        need (list[str] | Unset): Taxonomy codes; a service must meet at least one
        language (None | str | Unset): Services offering it rank first
        lat (float | None | Unset):
        lon (float | None | Unset):
        radius_km (float | None | Unset): Only services this near (needs lat and lon)
        postal_code (None | str | Unset):
        age (int | None | Unset): Only services whose age range admits this age
        open_now (bool | Unset):  Default: False.
        q (None | str | Unset): Words in the service's name, description or eligibility
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDirectoryHit | Problem]
     """


    kwargs = _get_kwargs(
        need=need,
language=language,
lat=lat,
lon=lon,
radius_km=radius_km,
postal_code=postal_code,
age=age,
open_now=open_now,
q=q,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    need: list[str] | Unset = UNSET,
    language: None | str | Unset = UNSET,
    lat: float | None | Unset = UNSET,
    lon: float | None | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    postal_code: None | str | Unset = UNSET,
    age: int | None | Unset = UNSET,
    open_now: bool | Unset = False,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageDirectoryHit | Problem | None:
    """ Search the referral directory

    Args:
        need (list[str] | Unset): Taxonomy codes; a service must meet at least one
        language (None | str | Unset): Services offering it rank first
        lat (float | None | Unset):
        lon (float | None | Unset):
        radius_km (float | None | Unset): Only services this near (needs lat and lon)
        postal_code (None | str | Unset):
        age (int | None | Unset): Only services whose age range admits this age
        open_now (bool | Unset):  Default: False.
        q (None | str | Unset): Words in the service's name, description or eligibility
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDirectoryHit | Problem
     """


    return sync_detailed(
        client=client,
need=need,
language=language,
lat=lat,
lon=lon,
radius_km=radius_km,
postal_code=postal_code,
age=age,
open_now=open_now,
q=q,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    need: list[str] | Unset = UNSET,
    language: None | str | Unset = UNSET,
    lat: float | None | Unset = UNSET,
    lon: float | None | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    postal_code: None | str | Unset = UNSET,
    age: int | None | Unset = UNSET,
    open_now: bool | Unset = False,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageDirectoryHit | Problem]:
    """ Search the referral directory

    Args:
        need (list[str] | Unset): Taxonomy codes; a service must meet at least one
        language (None | str | Unset): Services offering it rank first
        lat (float | None | Unset):
        lon (float | None | Unset):
        radius_km (float | None | Unset): Only services this near (needs lat and lon)
        postal_code (None | str | Unset):
        age (int | None | Unset): Only services whose age range admits this age
        open_now (bool | Unset):  Default: False.
        q (None | str | Unset): Words in the service's name, description or eligibility
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDirectoryHit | Problem]
     """


    kwargs = _get_kwargs(
        need=need,
language=language,
lat=lat,
lon=lon,
radius_km=radius_km,
postal_code=postal_code,
age=age,
open_now=open_now,
q=q,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    need: list[str] | Unset = UNSET,
    language: None | str | Unset = UNSET,
    lat: float | None | Unset = UNSET,
    lon: float | None | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    postal_code: None | str | Unset = UNSET,
    age: int | None | Unset = UNSET,
    open_now: bool | Unset = False,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageDirectoryHit | Problem | None:
    """ Search the referral directory

    Args:
        need (list[str] | Unset): Taxonomy codes; a service must meet at least one
        language (None | str | Unset): Services offering it rank first
        lat (float | None | Unset):
        lon (float | None | Unset):
        radius_km (float | None | Unset): Only services this near (needs lat and lon)
        postal_code (None | str | Unset):
        age (int | None | Unset): Only services whose age range admits this age
        open_now (bool | Unset):  Default: False.
        q (None | str | Unset): Words in the service's name, description or eligibility
        limit (int | Unset): Items per page Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page, as it came (opaque: only
            a cursor this list issued is accepted)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDirectoryHit | Problem
     """


    return (await asyncio_detailed(
        client=client,
need=need,
language=language,
lat=lat,
lon=lon,
radius_km=radius_km,
postal_code=postal_code,
age=age,
open_now=open_now,
q=q,
limit=limit,
cursor=cursor,

    )).parsed
