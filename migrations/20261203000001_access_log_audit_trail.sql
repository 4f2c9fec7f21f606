-- The access log as an audit trail, enforced by the database whoever asks
-- (docs/decisions.md, "The access log as an audit trail"):
--
-- * A stored event is never rewritten. The one change allowed is its hiding
--   (hidden_until, hidden_reason), which the system that sent it may lift,
--   shorten or extend through the API. An event is never deleted row by
--   row, nor the table truncated: a month leaves only with its partition,
--   which the purge drops when the month passes retention.
-- * A summary row keeps its key (citizen, day, unit, system, use, purpose,
--   visibility); only its counts change, as events are stored or move to
--   another row when their hiding changes. A row is deleted only when no
--   stored event is counted in it any more.
--
-- Partitions, current and future, inherit the row triggers of their parent
-- (PostgreSQL 13 and later). Dropping a partition fires no row trigger.

-- An event is compared as JSON without the columns that may change: the
-- same whether the trigger runs on the parent's or a partition's row type,
-- and a column added later is covered too. (Events change rarely: only
-- their hiding.)
CREATE FUNCTION access_events_only_hiding_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'stored access events are never deleted one by one: a month leaves with its partition'
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF to_jsonb(NEW) - 'hidden_until' - 'hidden_reason'
       IS DISTINCT FROM to_jsonb(OLD) - 'hidden_until' - 'hidden_reason' THEN
        RAISE EXCEPTION 'a stored access event never changes, except for its hiding'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER access_events_audit_trail BEFORE UPDATE OR DELETE ON access_events
    FOR EACH ROW EXECUTE FUNCTION access_events_only_hiding_changes();

CREATE FUNCTION refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is never truncated: a month leaves with its partition', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER access_events_not_truncated BEFORE TRUNCATE ON access_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER access_summary_not_truncated BEFORE TRUNCATE ON access_summary
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();

CREATE FUNCTION access_summary_only_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- The key, column by column (cheap: ingestion updates counts often).
        IF NEW.id IS DISTINCT FROM OLD.id
           OR NEW.subject_key IS DISTINCT FROM OLD.subject_key
           OR NEW.day IS DISTINCT FROM OLD.day
           OR NEW.org_unit_id IS DISTINCT FROM OLD.org_unit_id
           OR NEW.source_system_id IS DISTINCT FROM OLD.source_system_id
           OR NEW.use_type IS DISTINCT FROM OLD.use_type
           OR NEW.purpose_id IS DISTINCT FROM OLD.purpose_id
           OR NEW.bulk IS DISTINCT FROM OLD.bulk
           OR NEW.batch_run IS DISTINCT FROM OLD.batch_run
           OR NEW.hidden_until IS DISTINCT FROM OLD.hidden_until
           OR NEW.hidden_reason IS DISTINCT FROM OLD.hidden_reason THEN
            RAISE EXCEPTION 'a summary row keeps its key; only its counts change'
                USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF EXISTS (
        SELECT 1 FROM access_events e
        WHERE e.subject_key = OLD.subject_key
          AND e.occurred_at >= (OLD.day::timestamp AT TIME ZONE 'Europe/Copenhagen')
          AND e.occurred_at < ((OLD.day + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen')
          AND e.org_unit_id = OLD.org_unit_id
          AND e.source_system_id = OLD.source_system_id
          AND e.use_type = OLD.use_type
          AND e.purpose_id = OLD.purpose_id
          AND e.bulk = OLD.bulk
          AND e.batch_run IS NOT DISTINCT FROM OLD.batch_run
          AND e.hidden_until IS NOT DISTINCT FROM OLD.hidden_until
          AND e.hidden_reason IS NOT DISTINCT FROM OLD.hidden_reason
    ) THEN
        RAISE EXCEPTION 'a summary row is deleted only when no stored event is counted in it'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
END;
$$;

CREATE TRIGGER access_summary_audit_trail BEFORE UPDATE OR DELETE ON access_summary
    FOR EACH ROW EXECUTE FUNCTION access_summary_only_counts_change();
