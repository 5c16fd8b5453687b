-- Search where the data is: proximity with `cube` points on the earth's surface under a GiST index, full-text
-- search over 'simple' + unaccent (no stemming: the directory is written in many languages), opening hours and
-- the places each service is offered at as rows, so one query filters, ranks and pages.
-- `cube` and `unaccent` are trusted extensions: the service's own role may create them. `earthdistance` is not,
-- so its three formulas are written here over `cube` (the same ones, on the same sphere).
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE FUNCTION lantern_earth_radius() RETURNS float8
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT 6371008.8::float8';

-- A point on the earth's surface as a 3-D cube point (metres from the centre), as earthdistance's ll_to_earth.
CREATE FUNCTION lantern_earth_point(lat float8, lon float8) RETURNS cube
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT cube(cube(cube(lantern_earth_radius() * cos(radians(lat)) * cos(radians(lon))),
                     lantern_earth_radius() * cos(radians(lat)) * sin(radians(lon))),
                lantern_earth_radius() * sin(radians(lat)))
$$;

-- Great-circle metres between two such points (earth_distance).
CREATE FUNCTION lantern_earth_distance(a cube, b cube) RETURNS float8
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN cube_distance(a, b) / (2 * lantern_earth_radius()) >= 1 THEN pi() * lantern_earth_radius()
                ELSE 2 * lantern_earth_radius() * asin(cube_distance(a, b) / (2 * lantern_earth_radius())) END
$$;

-- The cube holding every point within `metres` along the surface (earth_box): what the GiST index answers.
CREATE FUNCTION lantern_earth_box(centre cube, metres float8) RETURNS cube
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT cube_enlarge(centre, 2 * lantern_earth_radius() * sin(least(metres, pi() * lantern_earth_radius())
                                                                   / (2 * lantern_earth_radius())), 3)
$$;

-- An immutable wrapper, so the text-search document can be computed the same way on write and on query.
CREATE FUNCTION lantern_unaccent(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;

ALTER TABLE services
    ADD COLUMN description       text        NOT NULL DEFAULT '',
    ADD COLUMN primary_languages text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN search            tsvector    NOT NULL DEFAULT ''::tsvector,
    ADD COLUMN modified_at       timestamptz NOT NULL DEFAULT now();
CREATE INDEX services_search ON services USING gin (search);
CREATE INDEX services_modified ON services (modified_at);

ALTER TABLE locations
    ADD COLUMN postal_code_key text,
    ADD COLUMN latitude        float8,
    ADD COLUMN longitude       float8,
    ADD COLUMN position        cube;

-- Where each service is offered: the locations it names, else every location of its organization.
CREATE TABLE service_places (
    service_id      uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    location_id     uuid NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
    organization_id uuid NOT NULL,
    postal_code_key text,
    position        cube,
    PRIMARY KEY (service_id, location_id)
);
CREATE INDEX service_places_position ON service_places USING gist (position);
CREATE INDEX service_places_postal ON service_places (postal_code_key, service_id);
CREATE INDEX service_places_org ON service_places (organization_id);

-- Weekly opening hours, read in the library's time zone (isodow: 1 = Monday).
CREATE TABLE service_hours (
    service_id  uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    isodow      int  NOT NULL CHECK (isodow BETWEEN 1 AND 7),
    opens_at    time NOT NULL,
    closes_at   time NOT NULL,
    valid_from  date,
    valid_to    date
);
CREATE INDEX service_hours_service ON service_hours (service_id, isodow);
