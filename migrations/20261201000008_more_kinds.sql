-- More kinds of request (issue 13): withdrawal of consent (GDPR art. 7(3)),
-- a person's review of an automated decision (art. 22(3)), and "other".
ALTER TABLE data_requests DROP CONSTRAINT data_requests_kind_check;
ALTER TABLE data_requests ADD CONSTRAINT data_requests_kind_check CHECK (kind IN (
    'access', 'rectification', 'objection', 'erasure', 'restriction', 'log_question',
    'consent_withdrawal', 'human_review', 'other'));
