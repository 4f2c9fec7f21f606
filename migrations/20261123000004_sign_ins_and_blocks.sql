-- Successful sign-ins (they end a run of consecutive rejections) and blocks
-- after too many consecutive rejections (sikkerhedsbekendtgørelsen § 18).

CREATE TABLE sign_ins (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    source_ip     inet NOT NULL,
    subject_key   bytea CHECK (subject_key IS NULL OR length(subject_key) = 32),
    staff_id      text CHECK (staff_id IS NULL OR length(staff_id) BETWEEN 1 AND 200),
    CHECK ((subject_key IS NULL) <> (staff_id IS NULL))
);

CREATE INDEX sign_ins_source_idx ON sign_ins (source_ip, occurred_at DESC);
CREATE INDEX sign_ins_subject_idx ON sign_ins (subject_key, occurred_at DESC) WHERE subject_key IS NOT NULL;

-- A block covers exactly one of: a source address, a citizen, a staff member.
CREATE TABLE access_blocks (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    blocked_at    timestamptz NOT NULL,
    source_ip     inet,
    subject_key   bytea CHECK (subject_key IS NULL OR length(subject_key) = 32),
    staff_id      text CHECK (staff_id IS NULL OR length(staff_id) BETWEEN 1 AND 200),
    rejections    integer NOT NULL CHECK (rejections > 0),
    lifted_at     timestamptz,
    lifted_by     text CHECK (lifted_by IS NULL OR length(btrim(lifted_by)) BETWEEN 1 AND 200),
    CHECK (num_nonnulls(source_ip, subject_key, staff_id) = 1),
    CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
);

-- At most one active block per address or identity.
CREATE UNIQUE INDEX access_blocks_active_source ON access_blocks (source_ip) WHERE lifted_at IS NULL AND source_ip IS NOT NULL;
CREATE UNIQUE INDEX access_blocks_active_subject ON access_blocks (subject_key) WHERE lifted_at IS NULL AND subject_key IS NOT NULL;
CREATE UNIQUE INDEX access_blocks_active_staff ON access_blocks (staff_id) WHERE lifted_at IS NULL AND staff_id IS NOT NULL;
