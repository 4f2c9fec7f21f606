-- The master data's version: a count that every statement changing the
-- names a citizen's log shows (authorities, org_units, source_systems,
-- purposes) moves on. The server keeps those names in memory and reads
-- them again when a summary query returns a count other than the one it
-- holds (app/src/access_log/master_data.rs), so that the query returns ids
-- rather than the same names on every row.
CREATE TABLE master_data_version (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version  bigint NOT NULL
);
INSERT INTO master_data_version (version) VALUES (1);

CREATE FUNCTION count_master_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE master_data_version SET version = version + 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER authorities_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON authorities
    FOR EACH STATEMENT EXECUTE FUNCTION count_master_data_change();
CREATE TRIGGER org_units_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_units
    FOR EACH STATEMENT EXECUTE FUNCTION count_master_data_change();
CREATE TRIGGER source_systems_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON source_systems
    FOR EACH STATEMENT EXECUTE FUNCTION count_master_data_change();
CREATE TRIGGER purposes_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON purposes
    FOR EACH STATEMENT EXECUTE FUNCTION count_master_data_change();

-- The count is one row for good: without it the servers could not tell
-- whether the names they keep are current.
CREATE FUNCTION keep_master_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'master_data_version is kept: the servers check the names they keep against it'
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER master_data_version_kept BEFORE DELETE ON master_data_version
    FOR EACH ROW EXECUTE FUNCTION keep_master_data_version();
CREATE TRIGGER master_data_version_not_truncated BEFORE TRUNCATE ON master_data_version
    FOR EACH STATEMENT EXECUTE FUNCTION keep_master_data_version();
