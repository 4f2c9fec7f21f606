-- Two database roles (docs/operations.md, "PostgreSQL"): the owner of the
-- schema, which applies the migrations, and the runtime role the portal
-- serves with, which may read and write rows as the portal needs and
-- nothing more. The runtime role needs no right to create or drop tables:
-- the access log's monthly partitions are created and dropped through the
-- two functions below, which run with their owner's rights and can touch
-- nothing but those partitions. With one role for both (a development
-- machine, the tests), the functions are simply called by their owner.

-- Names and bounds of a month's partitions, as server/src/access_log/partitions.rs
-- names them: access_events_yYYYYmMM (occurred_at from the month's first
-- midnight in Copenhagen to the next month's) and access_summary_yYYYYmMM
-- (its days). The functions search the catalog first and name the portal's
-- schema in full, as functions with their owner's rights must.
CREATE FUNCTION access_log_month_checked(month date) RETURNS date
    LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF month IS NULL OR month <> date_trunc('month', month)::date THEN
        RAISE EXCEPTION 'a partition month is the first day of a month, not %', month
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN month;
END;
$$;

CREATE FUNCTION access_log_create_partitions(month date) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public SET "TimeZone" = 'UTC' AS $$
DECLARE
    first date := access_log_month_checked(month);
    next date := (first + interval '1 month')::date;
    suffix text := to_char(first, '"y"YYYY"m"MM');
BEGIN
    EXECUTE format(
        'CREATE TABLE IF NOT EXISTS public.%I PARTITION OF public.access_events FOR VALUES FROM (%L) TO (%L)',
        'access_events_' || suffix,
        first::timestamp AT TIME ZONE 'Europe/Copenhagen',
        next::timestamp AT TIME ZONE 'Europe/Copenhagen');
    EXECUTE format(
        'CREATE TABLE IF NOT EXISTS public.%I PARTITION OF public.access_summary FOR VALUES FROM (%L) TO (%L)',
        'access_summary_' || suffix, first, next);
END;
$$;

-- Drops a month's partitions once the month lies wholly before the six
-- months the log is kept at least (by the database's clock, whatever the
-- caller says the time is): the purge drops what lies past the configured
-- retention, and nobody can drop a month the law still asks for.
CREATE FUNCTION access_log_drop_partitions(month date) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public SET "TimeZone" = 'UTC' AS $$
DECLARE
    first date := access_log_month_checked(month);
    suffix text := to_char(first, '"y"YYYY"m"MM');
    kept_from date := date_trunc(
        'month', (now() AT TIME ZONE 'Europe/Copenhagen')::date - interval '6 months')::date;
BEGIN
    IF first + interval '1 month' > kept_from THEN
        RAISE EXCEPTION 'the access log of % is kept at least six months', to_char(first, 'YYYY-MM')
            USING ERRCODE = 'restrict_violation';
    END IF;
    EXECUTE format('DROP TABLE IF EXISTS public.%I, public.%I', 'access_events_' || suffix, 'access_summary_' || suffix);
END;
$$;

REVOKE ALL ON FUNCTION access_log_create_partitions(date) FROM PUBLIC;
REVOKE ALL ON FUNCTION access_log_drop_partitions(date) FROM PUBLIC;

-- What the runtime role may do, granted by the server after it applied the
-- migrations as the owner (setting database_owner_url), so that tables a
-- later migration adds are covered at the next start. Later migrations
-- that add a table with rules of its own replace this function.
CREATE FUNCTION grant_runtime_privileges(runtime name) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    partition regclass;
BEGIN
    IF runtime = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', runtime);
    EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', runtime);
    -- Rows of every table, as the portal reads and writes them.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', runtime);
    EXECUTE format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM %I', runtime);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', runtime);
    -- The record of the migrations: read by the readiness check, written
    -- only by the owner.
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON _sqlx_migrations FROM %I', runtime);
    -- The access log, an audit trail: events are stored and read, and only
    -- their hiding changes; summary rows change only their counts. Never
    -- through a partition of its own: only through the parent tables.
    EXECUTE format('REVOKE UPDATE, DELETE ON access_events FROM %I', runtime);
    EXECUTE format('GRANT UPDATE (hidden_until, hidden_reason) ON access_events TO %I', runtime);
    EXECUTE format('REVOKE UPDATE ON access_summary FROM %I', runtime);
    EXECUTE format('GRANT UPDATE (events, first_at, last_at) ON access_summary TO %I', runtime);
    FOR partition IN
        SELECT inhrelid::regclass FROM pg_inherits
        WHERE inhparent IN ('access_events'::regclass, 'access_summary'::regclass)
    LOOP
        EXECUTE format('REVOKE ALL ON %s FROM %I', partition, runtime);
    END LOOP;
    -- A request's history, its documents, letters and the DPO's advice are
    -- appended to, never changed; requests and master data are never deleted.
    EXECUTE format(
        'REVOKE UPDATE, DELETE ON data_request_events, data_request_attachments, request_letters,'
        ' answer_log_rows, dpo_consultations, dpo_advice FROM %I', runtime);
    EXECUTE format(
        'REVOKE DELETE ON data_requests, authorities, org_units, source_systems, purposes FROM %I',
        runtime);
    EXECUTE format(
        'GRANT EXECUTE ON FUNCTION access_log_create_partitions(date), access_log_drop_partitions(date) TO %I',
        runtime);
END;
$$;

REVOKE ALL ON FUNCTION grant_runtime_privileges(name) FROM PUBLIC;
