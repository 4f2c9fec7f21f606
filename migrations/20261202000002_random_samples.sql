-- Random samples of look-ups (stikprøver, issue 14, docs/rules.md §4.4):
-- the DPO's plans, the samples drawn on their secret dates, the look-ups
-- drawn per employee, the employee's reason and the review of it.

CREATE TABLE sampling_plans (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_unit_id        bigint NOT NULL REFERENCES org_units (id),
    -- NULL: every system the unit's employees use.
    source_system_id   bigint REFERENCES source_systems (id),
    -- Samples are drawn at random intervals between these bounds.
    min_months         integer NOT NULL CHECK (min_months BETWEEN 1 AND 24),
    max_months         integer NOT NULL CHECK (max_months BETWEEN 1 AND 24),
    -- Look-ups drawn per employee, from the days before the sample date.
    per_employee       integer NOT NULL CHECK (per_employee BETWEEN 1 AND 20),
    days_before_min    integer NOT NULL CHECK (days_before_min BETWEEN 0 AND 30),
    days_before_max    integer NOT NULL CHECK (days_before_max BETWEEN 0 AND 30),
    -- Days an employee has to answer before reminders are sent.
    answer_days        integer NOT NULL CHECK (answer_days BETWEEN 1 AND 60),
    -- Draws (dates and look-ups) are reproducible from this.
    seed               bytea NOT NULL CHECK (octet_length(seed) = 32),
    -- The next sample's date: seen only by the DPO and investigators.
    next_sample_on     date NOT NULL,
    samples_drawn      integer NOT NULL DEFAULT 0,
    active             boolean NOT NULL DEFAULT true,
    created_by         text NOT NULL,
    created_at         timestamptz NOT NULL,
    CHECK (min_months <= max_months),
    CHECK (days_before_min <= days_before_max),
    CONSTRAINT sampling_plans_scope UNIQUE NULLS NOT DISTINCT (org_unit_id, source_system_id)
);

CREATE TABLE samples (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id     bigint NOT NULL REFERENCES sampling_plans (id),
    drawn_on    date NOT NULL,
    -- The look-ups drawn were made in [window_from, window_to).
    window_from timestamptz NOT NULL,
    window_to   timestamptz NOT NULL,
    answer_by   date NOT NULL,
    drawn_at    timestamptz NOT NULL,
    UNIQUE (plan_id, drawn_on)
);

CREATE TABLE sample_items (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sample_id         bigint NOT NULL REFERENCES samples (id),
    actor             text NOT NULL,
    occurred_at       timestamptz NOT NULL,
    source_system_id  bigint NOT NULL,
    source_event_id   text NOT NULL,
    use_type          text NOT NULL,
    case_reference    text,
    -- Kept so the employee and the reviewer see whom it concerned, masked,
    -- after the event itself is purged.
    subject_key       bytea CHECK (octet_length(subject_key) = 32),
    -- The employee's reason, e.g. the case number.
    reason            text CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
    answered_by       text,
    answered_at       timestamptz,
    review            text CHECK (review IN ('in_order', 'follow_up')),
    review_note       text CHECK (length(review_note) BETWEEN 1 AND 2000),
    reviewed_by       text,
    reviewed_at       timestamptz,
    last_reminded_at  timestamptz,
    CHECK ((reason IS NULL) = (answered_at IS NULL)),
    CHECK ((review IS NULL) = (reviewed_at IS NULL)),
    UNIQUE (sample_id, source_system_id, source_event_id, occurred_at)
);

CREATE INDEX sample_items_actor_idx ON sample_items (actor);

COMMENT ON TABLE sampling_plans IS 'The DPO''s plans of random samples of look-ups (docs/rules.md §4.4).';

-- Reminders to an employee whose sample waits for their answers.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
    CHECK (kind IN ('digest', 'status_notice', 'block_notice', 'consultation_notice', 'sample_reminder'));
