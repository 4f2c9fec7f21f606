-- Asking the DPO (issue 13): a caseworker asks for advice on a request, the
-- DPO answers it once, and the answer to the citizen records whether it
-- followed the advice. The question and the advice are internal entries of
-- the request's history (their text lives there); these tables tie them
-- together. Both are append-only, and an advice's primary key is its
-- consultation, so a consultation is answered once.
ALTER TABLE data_request_events DROP CONSTRAINT data_request_events_action_check;
ALTER TABLE data_request_events ADD CONSTRAINT data_request_events_action_check CHECK (action IN (
    'received', 'registered', 'assigned', 'clarification_asked',
    'message_to_citizen', 'message_from_citizen', 'note', 'extended',
    'answered', 'partly_refused', 'refused', 'withdrawn', 'closed',
    'cpr_revealed', 'hidden_assessed', 'transferred',
    'dpo_consulted', 'dpo_advised', 'advice_followed', 'advice_not_followed'));

CREATE TABLE dpo_consultations (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id         bigint NOT NULL REFERENCES data_requests (id),
    -- The history entry holding the question.
    question_event_id  bigint NOT NULL UNIQUE REFERENCES data_request_events (id),
    asked_by           text NOT NULL REFERENCES staff_members (id),
    asked_at           timestamptz NOT NULL
);

CREATE INDEX dpo_consultations_request_idx ON dpo_consultations (request_id);

CREATE TABLE dpo_advice (
    consultation_id  bigint PRIMARY KEY REFERENCES dpo_consultations (id),
    -- The history entry holding the advice.
    advice_event_id  bigint NOT NULL UNIQUE REFERENCES data_request_events (id),
    given_by         text NOT NULL REFERENCES staff_members (id),
    given_at         timestamptz NOT NULL
);

CREATE TRIGGER dpo_consultations_append_only BEFORE UPDATE OR DELETE ON dpo_consultations
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER dpo_advice_append_only BEFORE UPDATE OR DELETE ON dpo_advice
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- The caseworker is told when the DPO has answered, the DPO when asked.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
    CHECK (kind IN ('digest', 'status_notice', 'block_notice', 'consultation_notice'));
