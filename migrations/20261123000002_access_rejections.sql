-- Rejected access attempts (sikkerhedsbekendtgørelsen § 18): failed sign-in
-- checks, too-low assurance, missing or malformed CPR, unknown staff roles,
-- requests for pages the user may not see, wrong API keys.

CREATE TABLE access_rejections (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    source_ip     inet NOT NULL,
    -- The identity when known: a citizen's subject key or a staff member's id.
    subject_key   bytea CHECK (subject_key IS NULL OR length(subject_key) = 32),
    staff_id      text CHECK (staff_id IS NULL OR length(staff_id) BETWEEN 1 AND 200),
    reason        text NOT NULL CHECK (reason ~ '^[a-z_]{1,64}$'),
    -- The path asked for, without its query string.
    path          text NOT NULL CHECK (length(path) BETWEEN 1 AND 2000)
);

CREATE INDEX access_rejections_source_idx ON access_rejections (source_ip, occurred_at DESC);
CREATE INDEX access_rejections_subject_idx ON access_rejections (subject_key, occurred_at DESC)
    WHERE subject_key IS NOT NULL;
CREATE INDEX access_rejections_staff_idx ON access_rejections (staff_id, occurred_at DESC)
    WHERE staff_id IS NOT NULL;
