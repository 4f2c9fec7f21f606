-- Holding the access log past retention for one request (issue 13,
-- docs/rules.md §2.6). A month's partitions are dropped on time; before
-- that, the part an open request needs is copied here, keyed by the
-- request: the citizen's summary rows and events of a month an open access
-- request's answer covers, and the row (with its events) a question about a
-- look-up asks about. The copy is deleted when the request no longer needs
-- it, and at the latest `log_hold_days_after_deadline` days after its
-- deadline in force.
CREATE TABLE held_access_summary (
    request_id bigint NOT NULL REFERENCES data_requests (id),
    LIKE access_summary
);
CREATE INDEX held_access_summary_request ON held_access_summary (request_id, day);

CREATE TABLE held_access_events (
    request_id bigint NOT NULL REFERENCES data_requests (id),
    LIKE access_events
);
CREATE INDEX held_access_events_request ON held_access_events (request_id);

COMMENT ON TABLE held_access_summary IS 'Summary rows of dropped months, kept for one open request (docs/rules.md §2.6).';
COMMENT ON TABLE held_access_events IS 'Events of dropped months, kept for one open request (docs/rules.md §2.6).';
