-- Usage statistics and the half-yearly review of authorisations (issue 14,
-- docs/rules.md §4.5 and §4.6; sikkerhedsbekendtgørelsen § 17).

-- Each actor's uses per day (Europe/Copenhagen), unit, system and type of
-- use: written by the flag job as it takes each stored batch once, so the
-- statistics over half a year read thousands of rows, not millions of
-- events. Purged with the log.
CREATE TABLE actor_usage_days (
    day               date NOT NULL,
    actor             text NOT NULL,
    org_unit_id       bigint NOT NULL,
    source_system_id  bigint NOT NULL,
    use_type          text NOT NULL,
    events            bigint NOT NULL CHECK (events > 0),
    PRIMARY KEY (day, actor, org_unit_id, source_system_id, use_type)
);

CREATE INDEX actor_usage_days_actor_idx ON actor_usage_days (actor, day);

COMMENT ON TABLE actor_usage_days IS 'Uses per actor, day, unit, system and type of use; kept by the flag job, purged with the log (docs/rules.md §4.5).';

-- The events stored before this table existed, except those of batches the
-- flag job has still to take (it counts them when it does).
INSERT INTO actor_usage_days (day, actor, org_unit_id, source_system_id, use_type, events)
SELECT (e.occurred_at AT TIME ZONE 'Europe/Copenhagen')::date, e.actor, e.org_unit_id,
       e.source_system_id, e.use_type, count(*)
FROM access_events e
WHERE NOT EXISTS (
    SELECT 1 FROM flag_pending_batches p
    WHERE p.source_system_id = e.source_system_id AND p.received_at = e.received_at)
GROUP BY 1, 2, 3, 4, 5;

-- Sign-ins per staff member, for their statistics.
CREATE INDEX sign_ins_staff_idx ON sign_ins (staff_id, occurred_at) WHERE staff_id IS NOT NULL;
CREATE INDEX data_request_events_staff_idx ON data_request_events (staff_id, occurred_at)
    WHERE staff_id IS NOT NULL;

-- A staff member whose authorisation a review removed: not assignable, no
-- digest, refused at sign-in until the DPO restores them.
ALTER TABLE staff_members
    ADD COLUMN deactivated_at timestamptz,
    ADD COLUMN deactivated_by text,
    ADD COLUMN deactivation_review_id bigint;

-- A review of one unit's authorisations, started by the DPO and completed
-- by the unit's manager (or the DPO).
CREATE TABLE authorisation_reviews (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_unit_id    bigint NOT NULL REFERENCES org_units (id),
    -- The statistics beside each person cover [period_from, period_to).
    period_from    date NOT NULL,
    period_to      date NOT NULL,
    answer_by      date NOT NULL,
    started_by     text NOT NULL,
    started_at     timestamptz NOT NULL,
    completed_by   text,
    completed_at   timestamptz,
    last_reminded_at timestamptz,
    CHECK (period_from < period_to),
    CHECK ((completed_by IS NULL) = (completed_at IS NULL))
);

-- One review open per unit at a time.
CREATE UNIQUE INDEX authorisation_reviews_open_idx ON authorisation_reviews (org_unit_id)
    WHERE completed_at IS NULL;

ALTER TABLE staff_members
    ADD CONSTRAINT staff_members_deactivation_review_fkey
    FOREIGN KEY (deactivation_review_id) REFERENCES authorisation_reviews (id);

-- The people a review covers, as they were when it started: the portal's
-- own staff of the unit and the staff directory's people of the unit.
CREATE TABLE authorisation_review_items (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    review_id     bigint NOT NULL REFERENCES authorisation_reviews (id),
    -- 'portal': a staff member of Indblik (staff_members.id);
    -- 'directory': an actor of the source systems (staff_directory.actor).
    kind          text NOT NULL CHECK (kind IN ('portal', 'directory')),
    person        text NOT NULL CHECK (length(person) BETWEEN 1 AND 200),
    name          text NOT NULL,
    -- The roles in Indblik, for a staff member.
    roles         text[],
    decision      text CHECK (decision IN ('keep', 'remove')),
    note          text CHECK (length(note) BETWEEN 1 AND 2000),
    decided_by    text,
    decided_at    timestamptz,
    CHECK ((decision IS NULL) = (decided_at IS NULL)),
    UNIQUE (review_id, kind, person)
);

-- When the DPO was last told that a unit's review is due (at most monthly).
CREATE TABLE authorisation_review_due_notices (
    org_unit_id   bigint PRIMARY KEY REFERENCES org_units (id),
    notified_at   timestamptz NOT NULL
);

COMMENT ON TABLE authorisation_reviews IS 'Half-yearly reviews of a unit''s authorisations (docs/rules.md §4.6).';

ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
    CHECK (kind IN ('digest', 'status_notice', 'block_notice', 'consultation_notice',
                    'sample_reminder', 'review_request', 'review_reminder', 'review_due'));
