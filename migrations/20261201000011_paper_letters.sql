-- The paper channel's letters (issue 13). A request registered from a
-- letter (or by phone or e-mail) keeps the citizen's postal address, so
-- every notice the citizen is owed can be printed as a letter; the
-- caseworker records the day each letter was sent, once. For a request
-- that came by letter, the citizen is told of an extension by that letter:
-- sent after the one-month deadline, the extension lapses.
ALTER TABLE data_requests ADD COLUMN postal_address text
    CHECK (length(btrim(postal_address)) BETWEEN 1 AND 500);

CREATE TABLE request_letters (
    -- The history entry the letter tells the citizen about.
    event_id     bigint PRIMARY KEY REFERENCES data_request_events (id),
    request_id   bigint NOT NULL REFERENCES data_requests (id),
    sent_on      date NOT NULL,
    recorded_by  text NOT NULL REFERENCES staff_members (id),
    recorded_at  timestamptz NOT NULL
);

CREATE INDEX request_letters_request_idx ON request_letters (request_id);

CREATE TRIGGER request_letters_append_only BEFORE UPDATE OR DELETE ON request_letters
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

ALTER TABLE data_request_events DROP CONSTRAINT data_request_events_action_check;
ALTER TABLE data_request_events ADD CONSTRAINT data_request_events_action_check CHECK (action IN (
    'received', 'registered', 'assigned', 'clarification_asked',
    'message_to_citizen', 'message_from_citizen', 'note', 'extended',
    'answered', 'partly_refused', 'refused', 'withdrawn', 'closed',
    'cpr_revealed', 'hidden_assessed', 'transferred',
    'dpo_consulted', 'dpo_advised', 'advice_followed', 'advice_not_followed',
    'letter_sent', 'extension_lapsed'));
