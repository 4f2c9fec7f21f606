-- Every request of a signed-in user renews the session's end (the idle
-- limit counts from the last request), so the sessions table is updated as
-- often as pages are served. Without an index on the column that changes,
-- and with room left on each page, PostgreSQL can write the new row version
-- beside the old one without touching any index (a HOT update), which made
-- the renewal the cheap part of a page (docs/benchmarks.md, "/min-log").
-- The clean-up of ended sessions (every five minutes) reads the whole table
-- instead; it holds only the sessions of the last idle period.
DROP INDEX sessions_expires_idx;
ALTER TABLE sessions SET (fillfactor = 50);
