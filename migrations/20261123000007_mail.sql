-- Outgoing e-mail: the daily deadline digest and the notices telling a
-- citizen that something changed in their request. Mail is written to the
-- outbox in the same transaction as what it reports, and a background job
-- sends it; a failed send is retried with a growing pause and never dropped.

CREATE TABLE mail_outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN ('digest', 'status_notice')),
    to_address       text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 320),
    subject          text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    body             text NOT NULL CHECK (length(body) BETWEEN 1 AND 200000),
    created_at       timestamptz NOT NULL,
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz NOT NULL,
    sent_at          timestamptz,
    last_error       text
);

CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;

COMMENT ON TABLE mail_outbox IS 'Mail waiting to be sent, and mail sent; citizen notices hold no personal data, only that something changed and a link.';

-- One digest per day (Europe/Copenhagen), however many servers run.
CREATE TABLE mail_digest_runs (
    day       date PRIMARY KEY,
    ran_at    timestamptz NOT NULL,
    messages  integer NOT NULL CHECK (messages >= 0)
);
