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


_SEARCH = f"""
WITH candidates AS (
    SELECT s.id, s.organization_id, s.verified_on,
           cardinality(ARRAY(SELECT unnest(s.needs) INTERSECT SELECT unnest($1::text[]))) AS needs_matched,
           coalesce($2::text = ANY(s.primary_languages), false) AS language_match,
           (SELECT round((min(lantern_earth_distance(p.position, lantern_earth_point($3::float8, $4::float8))) / 1000)::numeric, 3)::float8
              FROM service_places p WHERE p.service_id = s.id AND p.position IS NOT NULL) AS distance_km,
           EXISTS (SELECT 1 FROM service_hours h WHERE h.service_id = s.id AND h.isodow = $9
                     AND $10::time >= h.opens_at AND $10::time < h.closes_at
                     AND (h.valid_from IS NULL OR $11::date >= h.valid_from)
                     AND (h.valid_to IS NULL OR $11::date <= h.valid_to)) AS open_now
    FROM services s
    WHERE s.status = 'active'
      AND (cardinality($1::text[]) = 0 OR s.needs && $1::text[])
      AND ($6::int IS NULL OR ((s.minimum_age IS NULL OR s.minimum_age <= $6) AND (s.maximum_age IS NULL OR s.maximum_age >= $6)))
      AND ($7::text[] IS NULL OR s.search @@ {matches("$7")})
      AND ($8::text IS NULL OR s.id IN (SELECT p.service_id FROM service_places p WHERE p.postal_code_key = $8))
      AND ($5::float8 IS NULL OR s.id IN (
            SELECT p.service_id FROM service_places p
             WHERE lantern_earth_box(lantern_earth_point($3::float8, $4::float8), $5 * 1000) @> p.position
               AND lantern_earth_distance(p.position, lantern_earth_point($3::float8, $4::float8)) <= $5 * 1000))
),
ranked AS (
    SELECT *, -needs_matched AS k1, CASE WHEN language_match THEN 0 ELSE 1 END AS k2,
           coalesce(distance_km, $12::float8) AS k3,
           CASE WHEN verified_on IS NULL THEN 0 ELSE -(verified_on - DATE '0001-01-01' + 1) END AS k4,
           id::text COLLATE "C" AS k5
    FROM candidates WHERE NOT $13::bool OR open_now
)
SELECT id AS service_id, organization_id AS partner_id, needs_matched, language_match, distance_km, open_now
FROM ranked
WHERE $14::int IS NULL OR (k1, k2, k3, k4, k5) > ($14::int, $15::int, $16::float8, $17::int, $18::text COLLATE "C")
ORDER BY k1, k2, k3, k4, k5
LIMIT $19
"""


async def search(conn: asyncpg.Connection, query: DirectoryQuery, local_now: datetime, *, after: list | None,
                 limit: int) -> list[RankedService]:
    """Active services that fit the query, best first, after the cursor's rank key (see DirectoryHit.rank_key)."""
    lat, lon = query.near if query.near else (None, None)
    a = after if after is not None else [None] * 5
    rows = await conn.fetch(
        _SEARCH, query.needs, primary_language(query.language) if query.language else None, lat, lon,
        query.radius_km, query.age, text_query(query.text),
        normalise_postal_code(query.postal_code) if query.postal_code else None,
        local_now.isoweekday(), local_now.time().replace(tzinfo=None), local_now.date(), NO_DISTANCE, query.open_now,
        a[0], a[1], a[2], a[3], a[4], limit,
    )
    return [RankedService.model_validate(dict(r)) for r in rows]
