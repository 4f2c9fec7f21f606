-- Master data describing where personal data are used: the authorities the
-- municipality acts for, their organisational units, the source systems that
-- report uses of personal data, and the purposes (processing activities).
-- Citizen-facing names and texts live here; internal codes are what the
-- source systems send.

CREATE TABLE authorities (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    -- 'municipality' for the municipality itself, 'independent' for an
    -- independent authority the municipality serves as secretariat for.
    kind        text NOT NULL CHECK (kind IN ('municipality', 'independent'))
);

COMMENT ON TABLE authorities IS 'The municipality and the independent authorities it serves as secretariat for.';

CREATE TABLE org_units (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code          text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    name          text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    authority_id  bigint NOT NULL REFERENCES authorities (id)
);

CREATE INDEX org_units_authority_idx ON org_units (authority_id);

COMMENT ON COLUMN org_units.code IS 'Internal unit code as sent by source systems; never shown to citizens.';
COMMENT ON COLUMN org_units.name IS 'Citizen-facing name of the unit.';

CREATE TABLE source_systems (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code          text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    name          text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    description   text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 500),
    -- Only systems allowed to hide may send events with hidden_until/hidden_reason.
    may_hide      boolean NOT NULL DEFAULT false
);

CREATE TABLE purposes (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code          text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    description   text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 500),
    legal_basis   text NOT NULL CHECK (length(btrim(legal_basis)) BETWEEN 1 AND 500)
);

COMMENT ON COLUMN purposes.description IS 'Citizen-facing description of the processing activity.';
