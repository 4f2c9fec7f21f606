-- The staff directory (issue 14): who is behind the actor ids the source
-- systems report, imported from the municipality's own records and
-- replaced whole at each import. A CPR number is kept only as its subject
-- key, to notice look-ups of oneself.
CREATE TABLE staff_directory (
    actor         text PRIMARY KEY CHECK (length(actor) BETWEEN 1 AND 200),
    name          text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    org_unit_id   bigint NOT NULL REFERENCES org_units (id),
    email         text CHECK (email IS NULL OR length(email) BETWEEN 3 AND 320),
    subject_key   bytea CHECK (subject_key IS NULL OR octet_length(subject_key) = 32),
    imported_at   timestamptz NOT NULL
);

CREATE INDEX staff_directory_unit_idx ON staff_directory (org_unit_id);
CREATE INDEX staff_directory_subject_idx ON staff_directory (subject_key) WHERE subject_key IS NOT NULL;

COMMENT ON TABLE staff_directory IS 'Employees behind the actor ids of the access log; replaced whole by `server staff-directory FILE`.';
