-- New entries in a request's history (issue 13): a caseworker's assessment
-- of the citizen's hidden log entries before an access answer (internal),
-- and a transfer to another unit.
ALTER TABLE data_request_events DROP CONSTRAINT data_request_events_action_check;
ALTER TABLE data_request_events ADD CONSTRAINT data_request_events_action_check CHECK (action IN (
    'received', 'registered', 'assigned', 'clarification_asked',
    'message_to_citizen', 'message_from_citizen', 'note', 'extended',
    'answered', 'partly_refused', 'refused', 'withdrawn', 'closed',
    'cpr_revealed', 'hidden_assessed', 'transferred'));
