-- Imports of access events from files (`server import`), one row per run,
-- brought up to date as the file is read, so the server's /metrics shows
-- the progress of an import running in another process, and a run that
-- was interrupted (killed, its machine restarted) is seen as one: it never
-- finished and stopped moving. The events themselves are committed only
-- when the whole file was good (docs/operations.md, "Imports").
CREATE TABLE import_runs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system_id bigint NOT NULL REFERENCES source_systems (id),
    file_name        text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 1000),
    bytes_total      bigint NOT NULL CHECK (bytes_total >= 0),
    bytes_read       bigint NOT NULL DEFAULT 0 CHECK (bytes_read >= 0),
    events_read      bigint NOT NULL DEFAULT 0 CHECK (events_read >= 0),
    events_stored    bigint CHECK (events_stored >= 0),
    started_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    outcome          text CHECK (outcome IN ('done', 'refused', 'failed')),
    CHECK ((finished_at IS NULL) = (outcome IS NULL))
);

CREATE INDEX import_runs_unfinished_idx ON import_runs (updated_at) WHERE finished_at IS NULL;
