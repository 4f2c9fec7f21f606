-- Control of the log (issue 14, docs/rules.md §4): the investigator's
-- searches, the automatic flags and what the DPO decides about them.

-- An investigator searches by actor over the whole retention period.
CREATE INDEX access_events_actor_idx ON access_events (actor, occurred_at);
-- The flag job reads the events of the batches stored since its last
-- round; events are appended in the order they are received, so a BRIN
-- index finds them for almost nothing.
CREATE INDEX access_events_received_brin ON access_events USING brin (received_at);

-- The source system's marker that the event concerns a closed case in a
-- sensitive area (an optional field of the event, false when absent).
ALTER TABLE access_events ADD COLUMN case_closed boolean NOT NULL DEFAULT false;
ALTER TABLE access_event_staging ADD COLUMN case_closed boolean NOT NULL DEFAULT false;
ALTER TABLE held_access_events ADD COLUMN case_closed boolean NOT NULL DEFAULT false;

-- Batches stored and not yet considered by the flag job: one row per
-- system and moment of receipt, written in the same transaction as the
-- events, so every event is considered exactly once.
CREATE TABLE flag_pending_batches (
    source_system_id  bigint NOT NULL,
    received_at       timestamptz NOT NULL,
    first_at          timestamptz NOT NULL,
    last_at           timestamptz NOT NULL CHECK (last_at >= first_at),
    PRIMARY KEY (source_system_id, received_at)
);

-- The rules of the flags, each switched on or off by the DPO; the
-- thresholds that apply to a rule are set, the others NULL.
CREATE TABLE flag_rules (
    code            text PRIMARY KEY CHECK (code IN
                        ('outside_hours', 'many_citizens', 'protected_citizen', 'closed_case', 'own_record')),
    enabled         boolean NOT NULL,
    max_citizens    integer CHECK (max_citizens BETWEEN 1 AND 10000),
    within_minutes  integer CHECK (within_minutes BETWEEN 1 AND 1440),
    changed_by      text,
    changed_at      timestamptz,
    CHECK ((code = 'many_citizens') = (max_citizens IS NOT NULL AND within_minutes IS NOT NULL))
);

INSERT INTO flag_rules (code, enabled, max_citizens, within_minutes) VALUES
    ('outside_hours', true, NULL, NULL),
    ('many_citizens', true, 20, 10),
    ('protected_citizen', true, NULL, NULL),
    ('closed_case', true, NULL, NULL),
    ('own_record', true, NULL, NULL);

-- A unit's opening hours, in Europe/Copenhagen: one span on the chosen
-- weekdays (ISO, 1 = Monday), minutes after midnight, closing exclusive
-- (1440 = midnight). A unit without a row keeps the default
-- (Monday to Friday, 07:00 to 18:00, closed on public holidays).
CREATE TABLE unit_opening_hours (
    org_unit_id       bigint PRIMARY KEY REFERENCES org_units (id),
    weekdays          smallint[] NOT NULL CHECK (weekdays <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[]),
    opens_minute      smallint NOT NULL CHECK (opens_minute BETWEEN 0 AND 1439),
    closes_minute     smallint NOT NULL CHECK (closes_minute BETWEEN 1 AND 1440),
    open_on_holidays  boolean NOT NULL,
    changed_by        text NOT NULL,
    changed_at        timestamptz NOT NULL,
    CHECK (opens_minute < closes_minute)
);

-- Citizens whose look-ups are flagged unless the unit has a standing
-- reason: public figures and people with name and address protection,
-- kept by subject key only. The municipality's employees are protected
-- through the staff directory's keys.
CREATE TABLE protected_citizens (
    subject_key  bytea PRIMARY KEY CHECK (octet_length(subject_key) = 32),
    category     text NOT NULL CHECK (category IN ('public_figure', 'address_protection')),
    note         text CHECK (length(note) BETWEEN 1 AND 500),
    added_by     text NOT NULL,
    added_at     timestamptz NOT NULL
);

CREATE TABLE protected_standing_reasons (
    org_unit_id  bigint NOT NULL REFERENCES org_units (id),
    category     text NOT NULL CHECK (category IN ('public_figure', 'address_protection', 'employee')),
    reason       text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    added_by     text NOT NULL,
    added_at     timestamptz NOT NULL,
    PRIMARY KEY (org_unit_id, category)
);

-- A flag: one rule's finding for one actor on one day (Europe/Copenhagen),
-- with the system and the citizen where the rule is about them. A reason
-- to ask, not a verdict.
CREATE TABLE log_flags (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule              text NOT NULL REFERENCES flag_rules (code),
    actor             text NOT NULL,
    org_unit_id       bigint NOT NULL,
    day               date NOT NULL,
    source_system_id  bigint,
    subject_key       bytea CHECK (octet_length(subject_key) = 32),
    -- For a protected citizen: why they are protected.
    category          text,
    raised_at         timestamptz NOT NULL,
    status            text NOT NULL DEFAULT 'open'
                          CHECK (status IN ('open', 'justified', 'explanation_asked', 'incident')),
    note              text CHECK (length(note) BETWEEN 1 AND 2000),
    decided_by        text,
    decided_at        timestamptz,
    CHECK ((status = 'open') = (decided_at IS NULL)),
    CONSTRAINT log_flags_finding UNIQUE NULLS NOT DISTINCT
        (rule, actor, org_unit_id, day, source_system_id, subject_key)
);

CREATE INDEX log_flags_status_idx ON log_flags (status, day DESC);

-- The events behind a flag.
CREATE TABLE log_flag_events (
    flag_id           bigint NOT NULL REFERENCES log_flags (id) ON DELETE CASCADE,
    occurred_at       timestamptz NOT NULL,
    source_system_id  bigint NOT NULL,
    source_event_id   text NOT NULL,
    PRIMARY KEY (flag_id, source_system_id, source_event_id, occurred_at)
);

-- What an investigator found about a citizen's question about a look-up;
-- the answer to the citizen goes through the request as usual.
CREATE TABLE log_question_findings (
    request_id   bigint PRIMARY KEY REFERENCES data_requests (id),
    finding      text NOT NULL CHECK (length(btrim(finding)) BETWEEN 1 AND 4000),
    found_by     text NOT NULL,
    found_at     timestamptz NOT NULL
);

COMMENT ON TABLE log_flags IS 'Automatic flags of unusual look-ups (docs/rules.md §4.3); purged with the log they point to.';
