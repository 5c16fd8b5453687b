"""The directory's search rows, written from each saved record and searched in SQL: needs, language, distance
(cube points under a GiST index), postal code, age, opening hours and full text, ranked and paged in one query."""

import math
import re
from datetime import datetime
from uuid import UUID

import asyncpg
from pydantic import BaseModel

from ..domain.directory import DirectoryQuery, normalise_postal_code, primary_language
from ..domain.records import WEEKDAYS, PartnerRecord
from ..hsds.terms import derived_id

NO_DISTANCE = 1e9  # ranks a service with no known distance after every measured one
_WORD = re.compile(r"\w+", re.UNICODE)


def text_query(text: str | None) -> list[str] | None:
    """The words of a search (each then matched as a prefix: 'clin' finds 'clinic'); None when it has none."""
    words = [w.lower() for w in _WORD.findall(text or "")[:16]]
    return words or None


# Each word unaccented, then quoted as a lexeme ('' for a quote, \\ for a backslash), so nothing a word holds or
# unaccent makes of it (the '(' of '⑴' becomes) is read as a tsquery operator; ':*' matches it as a prefix.
_LEXEME = r"'''' || replace(replace(lantern_unaccent(w), '\', '\\'), '''', '''''') || ''':*'"


def matches(words_param: str) -> str:
    """SQL: the tsquery of a words parameter (text[]): every word, each as a prefix."""
    return f"to_tsquery('simple', (SELECT string_agg({_LEXEME}, ' & ') FROM unnest({words_param}::text[]) w))"


async def write_rows(conn: asyncpg.Connection, partner_name: str, record: PartnerRecord) -> None:
    """The search rows of one organization's services, from its record (their old rows are gone already)."""
    await conn.executemany(
        """UPDATE services SET description = $2, primary_languages = $3, modified_at = now(),
                  search = setweight(to_tsvector('simple', lantern_unaccent($4)), 'A')
                        || setweight(to_tsvector('simple', lantern_unaccent($5)), 'B')
                        || setweight(to_tsvector('simple', lantern_unaccent($6)), 'C')
           WHERE id = $1""",
        [(s.id, s.description, sorted({primary_language(tag) for tag in s.languages}), s.name, partner_name,
          f"{s.description} {s.eligibility or ''}") for s in record.services],
    )
    await conn.executemany(
        """UPDATE locations SET postal_code_key = $2, latitude = $3, longitude = $4,
                  position = CASE WHEN $3::float8 IS NULL THEN NULL ELSE lantern_earth_point($3, $4) END
           WHERE id = $1""",
        [(loc.id, normalise_postal_code(loc.postal_code) if loc.postal_code else None, loc.latitude, loc.longitude)
         for loc in record.locations],
    )
    await conn.executemany(
        """INSERT INTO service_places (id, service_id, location_id, organization_id, postal_code_key, position)
           SELECT $1, $2, l.id, l.organization_id, l.postal_code_key, l.position FROM locations l WHERE l.id = $3""",
        [(UUID(derived_id("service_at_location", s.id, loc.id)), s.id, loc.id)
         for s in record.services for loc in record.locations if not s.location_ids or loc.id in s.location_ids],
    )
    await conn.execute(
        """UPDATE services s SET positions = coalesce((SELECT array_agg(p.position) FROM service_places p
                                                       WHERE p.service_id = s.id AND p.position IS NOT NULL), '{}')
           WHERE s.id = ANY($1::uuid[])""",
        [s.id for s in record.services],
    )
    await conn.executemany(
        "INSERT INTO service_hours (service_id, isodow, opens_at, closes_at, valid_from, valid_to) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        [(s.id, WEEKDAYS.index(day) + 1, h.opens_at, h.closes_at, h.valid_from, h.valid_to)
         for s in record.services for h in s.schedules for day in h.byday],
    )


class RankedService(BaseModel):
    service_id: UUID
    partner_id: UUID
    needs_matched: int
    language_match: bool
    distance_km: float | None
    open_now: bool


class _Params:
    """Numbered query parameters: only the filters a search uses are in its SQL, so the planner can use the indexes
    each one has (GIN on needs and on the text, GiST on places, the postal code index)."""

    def __init__(self) -> None:
        self.values: list[object] = []

    def __call__(self, value: object, cast: str) -> str:
        self.values.append(value)
        return f"${len(self.values)}::{cast}"


def _filters(p: _Params, query: DirectoryQuery, local_now: datetime) -> tuple[list[str], str | None, str | None]:
    """(conditions on `s`, the asked point, the needs parameter) of a search."""
    where = ["s.status = 'active'"]
    needs = p(sorted(set(query.needs)), "text[]") if query.needs else None
    if needs:
        where.append(f"s.needs && {needs}")
    if query.age is not None:
        age = p(query.age, "int")
        where.append(f"(s.minimum_age IS NULL OR s.minimum_age <= {age}) AND (s.maximum_age IS NULL OR s.maximum_age >= {age})")
    if words := text_query(query.text):
        where.append(f"s.search @@ {matches(p(words, 'text[]'))}")
    if query.postal_code:
        code = p(normalise_postal_code(query.postal_code), "text")
        where.append(f"s.id IN (SELECT service_id FROM service_places WHERE postal_code_key = {code})")
    point = f"lantern_earth_point({p(query.near[0], 'float8')}, {p(query.near[1], 'float8')})" if query.near else None
    if point and query.radius_km is not None:
        metres = p(query.radius_km * 1000, "float8")
        where.append(f"""s.id IN (SELECT service_id FROM service_places
                                  WHERE lantern_earth_box({point}, {metres}) @> position
                                    AND lantern_earth_distance(position, {point}) <= {metres})""")
    if query.open_now:
        where.append(_open_now(p, local_now))
    return where, point, needs


def _open_now(p: _Params, local_now: datetime) -> str:
    day, moment = p(local_now.date(), "date"), p(local_now.time().replace(tzinfo=None), "time")
    return f"""EXISTS (SELECT 1 FROM service_hours h WHERE h.service_id = s.id AND h.isodow = {p(local_now.isoweekday(), 'int')}
                 AND {moment} >= h.opens_at AND {moment} < h.closes_at
                 AND (h.valid_from IS NULL OR {day} >= h.valid_from) AND (h.valid_to IS NULL OR {day} <= h.valid_to))"""


def _search_sql(query: DirectoryQuery, local_now: datetime, after: list | None, limit: int) -> tuple[str, list]:
    p = _Params()
    where, point, needs = _filters(p, query, local_now)
    open_now = _open_now(p, local_now)
    matched = ("0" if not needs else "1" if len(set(query.needs)) == 1  # every candidate meets the one need
               else f"(SELECT count(*) FROM unnest({needs}) n WHERE n = ANY(s.needs))::int")
    language = f"{p(primary_language(query.language), 'text')} = ANY(s.primary_languages)" if query.language else "false"
    # The nearest place by straight-line (chord) distance, cube's own C function, is the nearest along the surface
    # too; only that one chord is turned into great-circle kilometres (earthdistance's sec_to_gc).
    chord = f"(SELECT min(cube_distance(x, {point})) FROM unnest(s.positions) x)"
    distance = (f"round(2 * lantern_earth_radius() * asin(least(1, {chord} / (2 * lantern_earth_radius())))) / 1000"
                if point else "NULL::float8")  # metres, whole: the kilometres have three decimals
    resume = ""
    if after is not None:
        resume = (f"""WHERE (k1, k2, k3, k4, k5) > ({p(after[0], 'int')}, {p(after[1], 'int')}, {p(after[2], 'float8')},
                                                    {p(after[3], 'int')}, {p(after[4], 'text')} COLLATE "C")""")
    sql = f"""
        WITH ranked AS (
            SELECT s.id, s.organization_id, {matched} AS needs_matched, {language} AS language_match,
                   {distance} AS distance_km, s.verified_on
            FROM services s WHERE {" AND ".join(where)}
        ), keyed AS (
            SELECT *, -needs_matched AS k1, CASE WHEN language_match THEN 0 ELSE 1 END AS k2,
                   coalesce(distance_km, {NO_DISTANCE}) AS k3,
                   CASE WHEN verified_on IS NULL THEN 0 ELSE -(verified_on - DATE '0001-01-01' + 1) END AS k4,
                   id::text COLLATE "C" AS k5
            FROM ranked
        )
        SELECT s.id AS service_id, s.organization_id AS partner_id, s.needs_matched, s.language_match, s.distance_km,
               {open_now} AS open_now
        FROM (SELECT * FROM keyed {resume} ORDER BY k1, k2, k3, k4, k5 LIMIT {p(limit, 'int')}) s
        ORDER BY k1, k2, k3, k4, k5"""
    return sql, p.values


def _nearest_sql(query: DirectoryQuery, local_now: datetime, walk: int) -> tuple[str, list]:
    """The `walk` places nearest the asked point, nearest first (a GiST nearest-neighbour scan), of services that fit
    the search and, when a language is asked, offer it."""
    p = _Params()
    where, point, _ = _filters(p, query, local_now)
    if query.language:
        where.append(f"{p(primary_language(query.language), 'text')} = ANY(s.primary_languages)")
    sql = f"""SELECT pl.service_id, cube_distance(pl.position, {point}) AS chord
              FROM service_places pl JOIN services s ON s.id = pl.service_id
              WHERE pl.position IS NOT NULL AND {" AND ".join(where)}
              ORDER BY pl.position <-> {point} LIMIT {p(walk, 'int')}"""
    return sql, p.values


async def _first_page_radius(conn: asyncpg.Connection, query: DirectoryQuery, local_now: datetime,
                             limit: int) -> float | None:
    """For a first page ranked by distance over one need at most (needs met are then equal for all): the radius
    (km) within which that page certainly lies, found by walking places nearest first, or None to rank them all.

    With a language asked, the page holds services offering it first; if `limit` of them are found, every one
    nearer than the last also ranks before it, and none beyond does. Services at exactly that distance are kept
    (the radius has a metre to spare), so ties are ranked as the full ranking ranks them."""
    if query.near is None or query.radius_km is not None or len(set(query.needs)) > 1:
        return None
    sql, values = _nearest_sql(query, local_now, walk=limit * 3)  # a service has a place or two, rarely more
    nearest: dict[UUID, float] = {}
    for row in await conn.fetch(sql, *values):
        nearest.setdefault(row["service_id"], row["chord"])
    if len(nearest) < limit:
        return None
    chord = sorted(nearest.values())[limit - 1]
    radius = 2 * _EARTH_RADIUS_M * math.asin(min(1.0, chord / (2 * _EARTH_RADIUS_M)))
    return (radius + 1) / 1000


_EARTH_RADIUS_M = 6371008.8  # lantern_earth_radius()


async def search(conn: asyncpg.Connection, query: DirectoryQuery, local_now: datetime, *, after: list | None,
                 limit: int, nearest_first: bool = True) -> list[RankedService]:
    """Active services that fit the query, best first, after the cursor's rank key (see DirectoryHit.rank_key);
    opening hours are read for the page alone unless the search asks for services open now. A first page ranked
    by distance is ranked among the services near enough to be on it (`nearest_first`), not among all of them."""
    ranked = query
    if nearest_first and after is None and (radius := await _first_page_radius(conn, query, local_now, limit)):
        ranked = query.model_copy(update={"radius_km": radius})
    sql, values = _search_sql(ranked, local_now, after, limit)
    rows = await conn.fetch(sql, *values)
    return [RankedService.model_validate(dict(r)) for r in rows]
