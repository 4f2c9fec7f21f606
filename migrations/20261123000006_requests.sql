-- Data-subject requests (GDPR art. 15-18 and 21, and questions about one row
-- of the access log): the request, its append-only history, the files sent
-- with an answer, and the staff members the portal has seen sign in (the
-- colleagues a request can be assigned to, and whom the digest goes to).
--
-- Nothing here is deleted or rewritten by the application: a request's row
-- changes only through an action that appends to its history in the same
-- transaction, and the history refuses UPDATE and DELETE.

CREATE TABLE staff_members (
    -- The workforce identity provider's subject identifier.
    id               text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
    name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    unit_code        text NOT NULL CHECK (length(unit_code) BETWEEN 1 AND 64),
    roles            text[] NOT NULL,
    email            text CHECK (email IS NULL OR length(email) BETWEEN 3 AND 320),
    last_sign_in_at  timestamptz NOT NULL
);

CREATE INDEX staff_members_unit_idx ON staff_members (unit_code);

COMMENT ON TABLE staff_members IS 'Staff as of their latest sign-in (name, unit, roles); refreshed at every sign-in.';

CREATE TABLE data_requests (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN ('access', 'rectification', 'objection', 'erasure', 'restriction', 'log_question')),
    status           text NOT NULL CHECK (status IN ('received', 'in_progress', 'awaiting_citizen', 'answered', 'partly_refused', 'refused', 'withdrawn', 'closed')),
    channel          text NOT NULL CHECK (channel IN ('portal', 'letter', 'phone', 'email')),
    -- When the request reached the municipality; the deadline counts from it.
    received_at      timestamptz NOT NULL,
    -- One month from receipt (Regulation 1182/71, Danish working days).
    due_on           date NOT NULL,
    -- The deadline if extended: two further months.
    extendable_to    date NOT NULL,
    extended_at      timestamptz,
    extension_reason text CHECK (extension_reason IN ('complexity', 'number')),
    extension_text   text CHECK (length(extension_text) BETWEEN 1 AND 4000),
    -- Who the request is about: the subject key (HMAC of the CPR number),
    -- the name, and the CPR number sealed with the portal's key (AES-256-GCM)
    -- so a caseworker can reveal it by a deliberate, logged click.
    subject_key      bytea NOT NULL CHECK (octet_length(subject_key) = 32),
    citizen_name     text NOT NULL CHECK (length(btrim(citizen_name)) BETWEEN 1 AND 200),
    cpr_sealed       bytea NOT NULL,
    -- The unit that handles the request.
    org_unit_id      bigint NOT NULL REFERENCES org_units (id),
    assignee_id      text REFERENCES staff_members (id),
    -- What the citizen wrote.
    about            text NOT NULL CHECK (length(btrim(about)) BETWEEN 1 AND 4000),
    what_is_wrong    text CHECK (length(what_is_wrong) BETWEEN 1 AND 4000),
    what_is_right    text CHECK (length(what_is_right) BETWEEN 1 AND 4000),
    situation        text CHECK (length(situation) BETWEEN 1 AND 4000),
    -- For a question about a row of the access log: the row's id in the
    -- summary and a copy of what it said (the row itself is purged with its
    -- month).
    log_row_id       bigint,
    log_row_text     text CHECK (length(log_row_text) BETWEEN 1 AND 2000),
    -- Where to tell the citizen that something changed (no personal data in the mail).
    notify_email     text CHECK (notify_email IS NULL OR length(notify_email) BETWEEN 3 AND 320),
    -- For requests registered by staff: who, and how identity was verified.
    registered_by    text REFERENCES staff_members (id),
    identity_check   text CHECK (length(identity_check) BETWEEN 1 AND 500),
    -- When it was answered, refused or withdrawn.
    decided_at       timestamptz,
    -- Optimistic locking: every action increments it and names the version it saw.
    version          integer NOT NULL DEFAULT 1 CHECK (version > 0),
    CHECK ((extended_at IS NULL) = (extension_reason IS NULL)),
    CHECK (extendable_to > due_on),
    CHECK ((kind = 'log_question') = (log_row_text IS NOT NULL)),
    CHECK (kind = 'rectification' OR (what_is_wrong IS NULL AND what_is_right IS NULL)),
    CHECK (kind = 'objection' OR situation IS NULL),
    CHECK ((channel = 'portal') = (registered_by IS NULL)),
    CHECK ((channel = 'portal') = (identity_check IS NULL))
);

CREATE INDEX data_requests_subject_idx ON data_requests (subject_key, received_at DESC);
CREATE INDEX data_requests_queue_idx ON data_requests (org_unit_id, due_on)
    WHERE status IN ('received', 'in_progress', 'awaiting_citizen');
CREATE INDEX data_requests_assignee_idx ON data_requests (assignee_id) WHERE assignee_id IS NOT NULL;

COMMENT ON COLUMN data_requests.cpr_sealed IS 'AES-256-GCM(nonce || ciphertext) of the CPR number under the portal''s cpr_encryption_key.';

CREATE TABLE data_request_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id   bigint NOT NULL REFERENCES data_requests (id),
    occurred_at  timestamptz NOT NULL,
    -- 'citizen', 'staff' or 'system'; staff are named (staff_id, staff_name).
    actor_kind   text NOT NULL CHECK (actor_kind IN ('citizen', 'staff', 'system')),
    staff_id     text REFERENCES staff_members (id),
    staff_name   text,
    action       text NOT NULL CHECK (action IN (
                     'received', 'registered', 'assigned', 'clarification_asked',
                     'message_to_citizen', 'message_from_citizen', 'note', 'extended',
                     'answered', 'partly_refused', 'refused', 'withdrawn', 'closed',
                     'cpr_revealed')),
    from_status  text,
    to_status    text,
    body         text CHECK (length(body) BETWEEN 1 AND 20000),
    -- Refusals: the legal ground ('unfounded', 'excessive', 'section_22').
    ground       text CHECK (ground IN ('unfounded', 'excessive', 'section_22')),
    -- Internal entries (notes, look-ups) are never shown to the citizen.
    internal     boolean NOT NULL,
    CHECK ((actor_kind = 'staff') = (staff_id IS NOT NULL))
);

CREATE INDEX data_request_events_request_idx ON data_request_events (request_id, id);

CREATE TABLE data_request_attachments (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id    bigint NOT NULL REFERENCES data_requests (id),
    event_id      bigint NOT NULL REFERENCES data_request_events (id),
    file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type  text NOT NULL,
    body          bytea NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE INDEX data_request_attachments_request_idx ON data_request_attachments (request_id);

-- The history and the attachments are append-only.
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER data_request_events_append_only BEFORE UPDATE OR DELETE ON data_request_events
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER data_request_attachments_append_only BEFORE UPDATE OR DELETE ON data_request_attachments
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER data_requests_kept BEFORE DELETE ON data_requests
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
