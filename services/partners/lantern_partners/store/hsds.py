"""What the HSDS read API pages through: services, organizations and service_at_locations, filtered in SQL."""

from datetime import datetime
from uuid import UUID

import asyncpg
from pydantic import BaseModel

from .directory import matches, text_query


class ServiceFilter(BaseModel):
    search: str | None = None
    need: str | None = None  # a taxonomy_term_id read back into its need code
    any_need: bool = False  # taxonomy_id of the needs taxonomy: services with at least one term
    nothing: bool = False  # a term or taxonomy the directory does not use: nothing matches
    organization_id: UUID | None = None
    modified_after: datetime | None = None


class Row(BaseModel):
    id: UUID
    organization_id: UUID
    modified_at: datetime
    location_id: UUID | None = None


_SERVICE_WHERE = f"""
    WHERE NOT $1::bool
      AND ($2::text[] IS NULL OR s.search @@ {matches("$2")})
      AND ($3::text IS NULL OR $3 = ANY(s.needs)) AND (NOT $4::bool OR cardinality(s.needs) > 0)
      AND ($5::uuid IS NULL OR s.organization_id = $5) AND ($6::timestamptz IS NULL OR s.modified_at >= $6)"""


def _args(f: ServiceFilter) -> tuple:
    return (f.nothing, text_query(f.search), f.need, f.any_need, f.organization_id, f.modified_after)


async def services(conn: asyncpg.Connection, f: ServiceFilter, offset: int, limit: int) -> tuple[int, list[Row]]:
    total = await conn.fetchval(f"SELECT count(*) FROM services s {_SERVICE_WHERE}", *_args(f))
    rows = await conn.fetch(
        f"SELECT s.id, s.organization_id, s.modified_at FROM services s {_SERVICE_WHERE} "
        "ORDER BY s.name, s.id OFFSET $7 LIMIT $8", *_args(f), offset, limit)
    return total, [Row.model_validate(dict(r)) for r in rows]


async def service(conn: asyncpg.Connection, service_id: UUID) -> Row | None:
    row = await conn.fetchrow("SELECT id, organization_id, modified_at FROM services WHERE id = $1", service_id)
    return Row.model_validate(dict(row)) if row else None


async def place(conn: asyncpg.Connection, sal_id: UUID) -> Row | None:
    row = await conn.fetchrow(
        "SELECT s.id, s.organization_id, s.modified_at, p.location_id FROM service_places p "
        "JOIN services s ON s.id = p.service_id WHERE p.id = $1", sal_id)
    return Row.model_validate(dict(row)) if row else None


async def places(conn: asyncpg.Connection, f: ServiceFilter, postcode: str | None, proximity_m: float | None,
                 offset: int, limit: int) -> tuple[int, list[Row]]:
    """Places services are offered at; near a postcode: in it, or within `proximity_m` of the centroid of the
    directory's locations in it (the directory is its own gazetteer), nearest first."""
    centre = None
    if postcode is not None and proximity_m is not None:
        centre = await conn.fetchrow(
            "SELECT avg(latitude) AS lat, avg(longitude) AS lon FROM locations "
            "WHERE postal_code_key = $1 AND latitude IS NOT NULL", postcode)
        if centre is None or centre["lat"] is None:
            return 0, []
    lat, lon = (centre["lat"], centre["lon"]) if centre else (None, None)
    where = f"""{_SERVICE_WHERE}
      AND ($9::text IS NULL OR $10::float8 IS NOT NULL OR p.postal_code_key = $9)
      AND ($10::float8 IS NULL OR (lantern_earth_box(lantern_earth_point($11, $12), $10) @> p.position
                                   AND lantern_earth_distance(p.position, lantern_earth_point($11, $12)) <= $10))"""
    args = (*_args(f), offset, limit, postcode, proximity_m if centre else None, lat, lon)
    total = await conn.fetchval(
        f"SELECT count(*) FROM service_places p JOIN services s ON s.id = p.service_id {where} AND $7::int >= 0 "
        "AND $8::int >= 0", *args)
    rows = await conn.fetch(
        f"""SELECT s.id, s.organization_id, s.modified_at, p.location_id
            FROM service_places p JOIN services s ON s.id = p.service_id {where}
            ORDER BY CASE WHEN $11::float8 IS NULL THEN 0
                          ELSE lantern_earth_distance(p.position, lantern_earth_point($11, $12)) END, s.name, p.id
            OFFSET $7 LIMIT $8""", *args)
    return total, [Row.model_validate(dict(r)) for r in rows]


async def organizations(conn: asyncpg.Connection, search: str | None, offset: int, limit: int) -> tuple[int, list[UUID]]:
    where = f"""WHERE $1::text[] IS NULL
                   OR to_tsvector('simple', lantern_unaccent(name || ' ' || description)) @@ {matches("$1")}"""
    query = text_query(search) if search is not None else None
    total = await conn.fetchval(f"SELECT count(*) FROM organizations {where}", query)
    rows = await conn.fetch(f"SELECT id FROM organizations {where} ORDER BY lower(name), id OFFSET $2 LIMIT $3",
                            query, offset, limit)
    return total, [r["id"] for r in rows]


async def need_codes(conn: asyncpg.Connection) -> list[str]:
    return [r["code"] for r in await conn.fetch("SELECT DISTINCT unnest(needs) AS code FROM services")]
