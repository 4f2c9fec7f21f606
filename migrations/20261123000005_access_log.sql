-- The access log (sikkerhedsbekendtgørelsen § 19): every use of personal data
-- reported by the municipality's systems, the citizen-level summary kept up to
-- date at ingestion, and the API keys the systems report with.

-- Raw events, range-partitioned by month on the time of use. Monthly
-- partitions (Europe/Copenhagen month boundaries) are created ahead of time by
-- the server and dropped whole when they pass the retention period.
--
-- The master-data ids (system, unit, purpose) are not foreign keys: the
-- server resolves every code against the master data before it stores an
-- event, and six foreign-key checks per event took half the ingestion time
-- (docs/benchmarks.md). Master-data rows can therefore never be deleted (see
-- the trigger below); they can be renamed.
CREATE TABLE access_events (
    occurred_at       timestamptz NOT NULL,
    source_system_id  bigint NOT NULL,
    -- The source system's own id of the event; a resent event has the same
    -- id and time and is stored only once.
    source_event_id   text NOT NULL CHECK (length(source_event_id) BETWEEN 1 AND 200),
    -- The system's pseudonymous employee id; never shown to citizens.
    actor             text NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
    org_unit_id       bigint NOT NULL,
    use_type          text NOT NULL CHECK (use_type IN ('read', 'search', 'create', 'update', 'delete', 'print', 'export', 'batch')),
    -- HMAC-SHA256(pepper, CPR) of the person concerned, or NULL for a search
    -- by criterion that is not tied to one person.
    subject_key       bytea CHECK (octet_length(subject_key) = 32),
    search_criterion  text CHECK (length(search_criterion) BETWEEN 1 AND 500),
    purpose_id        bigint NOT NULL,
    case_reference    text CHECK (length(case_reference) BETWEEN 1 AND 200),
    bulk              boolean NOT NULL DEFAULT false,
    -- Events of one batch run share this id and are shown as one line.
    batch_run         text CHECK (length(batch_run) BETWEEN 1 AND 200),
    -- Hidden while hidden_reason is set and hidden_until is missing or in the
    -- future (an ongoing investigation, for example).
    hidden_until      timestamptz,
    hidden_reason     text CHECK (length(hidden_reason) BETWEEN 1 AND 500),
    received_at       timestamptz NOT NULL,
    CHECK ((subject_key IS NULL) <> (search_criterion IS NULL)),
    CHECK (hidden_until IS NULL OR hidden_reason IS NOT NULL),
    CHECK (batch_run IS NULL OR bulk),
    UNIQUE (source_system_id, source_event_id, occurred_at)
) PARTITION BY RANGE (occurred_at);

CREATE INDEX access_events_subject_idx ON access_events (subject_key, occurred_at)
    WHERE subject_key IS NOT NULL;

COMMENT ON TABLE access_events IS 'Uses of personal data reported by source systems; partitions named access_events_yYYYYmMM.';
COMMENT ON COLUMN access_events.actor IS 'Pseudonymous employee id from the source system; never shown to citizens.';

-- Where a batch waits between COPY and the move into the partitions (one
-- statement that also updates the summary). Unlogged: it only ever holds
-- rows of transactions in progress, which roll back with them.
CREATE UNLOGGED TABLE access_event_staging (
    batch             uuid NOT NULL,
    occurred_at       timestamptz NOT NULL,
    source_event_id   text NOT NULL,
    actor             text NOT NULL,
    org_unit_id       bigint NOT NULL,
    use_type          text NOT NULL,
    subject_key       bytea,
    search_criterion  text,
    purpose_id        bigint NOT NULL,
    case_reference    text,
    bulk              boolean NOT NULL,
    batch_run         text,
    hidden_until      timestamptz,
    hidden_reason     text
);

CREATE INDEX access_event_staging_batch_idx ON access_event_staging (batch);

-- The citizen's summary, maintained in the same statement that stores the
-- events: per citizen, day (Europe/Copenhagen), unit, system, type of use,
-- purpose and visibility, how many uses and the first and last time. It never
-- holds the actor. Searches by criterion are not summarised. Partitioned by
-- month on `day` with the same months as access_events, so retention drops
-- a month of both at once. `id` is the row's identity for citizens
-- ("Spørg om dette opslag"); the identity column keeps it unique.
CREATE TABLE access_summary (
    id                bigint GENERATED ALWAYS AS IDENTITY,
    subject_key       bytea NOT NULL CHECK (octet_length(subject_key) = 32),
    day               date NOT NULL,
    org_unit_id       bigint NOT NULL,
    source_system_id  bigint NOT NULL,
    use_type          text NOT NULL,
    purpose_id        bigint NOT NULL,
    bulk              boolean NOT NULL,
    batch_run         text,
    hidden_until      timestamptz,
    hidden_reason     text,
    events            bigint NOT NULL CHECK (events > 0),
    first_at          timestamptz NOT NULL,
    last_at           timestamptz NOT NULL,
    CONSTRAINT access_summary_key UNIQUE NULLS NOT DISTINCT
        (subject_key, day, org_unit_id, source_system_id, use_type, purpose_id, bulk, batch_run, hidden_until, hidden_reason)
) PARTITION BY RANGE (day);

COMMENT ON TABLE access_summary IS 'Per-citizen daily summary of access_events at unit level, kept up to date at ingestion; partitions named access_summary_yYYYYmMM.';

-- Keys the source systems authenticate with. Only a SHA-256 hash of the key is
-- stored; the key itself is printed once when it is created.
CREATE TABLE api_keys (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system_id  bigint NOT NULL REFERENCES source_systems (id),
    secret_sha256     bytea NOT NULL UNIQUE CHECK (octet_length(secret_sha256) = 32),
    label             text NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 200),
    created_at        timestamptz NOT NULL,
    revoked_at        timestamptz,
    last_used_at      timestamptz
);

-- The access log refers to master data by id without foreign keys (see
-- above), so master-data rows are kept for good: deleting one is refused.
CREATE FUNCTION refuse_master_data_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'master data in % is kept: the access log refers to it (rename it instead)', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER authorities_kept BEFORE DELETE ON authorities FOR EACH ROW EXECUTE FUNCTION refuse_master_data_delete();
CREATE TRIGGER org_units_kept BEFORE DELETE ON org_units FOR EACH ROW EXECUTE FUNCTION refuse_master_data_delete();
CREATE TRIGGER source_systems_kept BEFORE DELETE ON source_systems FOR EACH ROW EXECUTE FUNCTION refuse_master_data_delete();
CREATE TRIGGER purposes_kept BEFORE DELETE ON purposes FOR EACH ROW EXECUTE FUNCTION refuse_master_data_delete();
