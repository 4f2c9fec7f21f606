-- Server-side sessions. The cookie holds only the random id; the data (the
-- pending sign-in, the signed-in user) stay here. Expired rows are deleted
-- by the server every few minutes.

CREATE TABLE sessions (
    id          text PRIMARY KEY CHECK (length(id) = 22),
    data        jsonb NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE INDEX sessions_expires_idx ON sessions (expires_at);
