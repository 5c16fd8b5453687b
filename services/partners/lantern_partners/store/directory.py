"""The directory's search rows, written from each saved record and searched in SQL: needs, language, distance
(cube points under a GiST index), postal code, age, opening hours and full text, ranked and paged in one query."""

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


def _search_sql(query: DirectoryQuery, local_now: datetime, after: list | None, limit: int) -> tuple[str, list]:
    p = _Params()
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
    day, moment = p(local_now.date(), "date"), p(local_now.time().replace(tzinfo=None), "time")
    open_now = f"""EXISTS (SELECT 1 FROM service_hours h WHERE h.service_id = s.id AND h.isodow = {p(local_now.isoweekday(), 'int')}
                     AND {moment} >= h.opens_at AND {moment} < h.closes_at
                     AND (h.valid_from IS NULL OR {day} >= h.valid_from) AND (h.valid_to IS NULL OR {day} <= h.valid_to))"""
    if query.open_now:
        where.append(open_now)
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


async def search(conn: asyncpg.Connection, query: DirectoryQuery, local_now: datetime, *, after: list | None,
                 limit: int) -> list[RankedService]:
    """Active services that fit the query, best first, after the cursor's rank key (see DirectoryHit.rank_key);
    opening hours are read for the page alone unless the search asks for services open now."""
    sql, values = _search_sql(query, local_now, after, limit)
    rows = await conn.fetch(sql, *values)
    return [RankedService.model_validate(dict(r)) for r in rows]
