-- The access answer's log per viewer (issue 13). Master data can mark a
-- source system or an authority as sensitive (e.g. social casework, an
-- independent board): its rows in an answer's log are never shown, nor
-- named, to staff of other units. The rows of each answer's log are kept
-- with its attachment, so what staff see of it is chosen row by row, while
-- the citizen gets the whole file.
ALTER TABLE source_systems ADD COLUMN sensitive boolean NOT NULL DEFAULT false;
ALTER TABLE authorities ADD COLUMN sensitive boolean NOT NULL DEFAULT false;

COMMENT ON COLUMN source_systems.sensitive IS 'Its rows in an access answer''s log are neither shown nor named to staff of other units.';
COMMENT ON COLUMN authorities.sensitive IS 'Its units'' rows in an access answer''s log are neither shown nor named to staff of other units.';

CREATE TABLE answer_log_rows (
    attachment_id  bigint NOT NULL REFERENCES data_request_attachments (id),
    position       integer NOT NULL CHECK (position >= 0),
    -- The unit whose use the row reports, and whether its system or
    -- authority is sensitive (as at the answer).
    unit_code      text NOT NULL,
    sensitive      boolean NOT NULL,
    -- The row as the citizen's file shows it (app::access_log::my_log::LogRow).
    row_data       jsonb NOT NULL,
    PRIMARY KEY (attachment_id, position)
);

CREATE TRIGGER answer_log_rows_append_only BEFORE UPDATE OR DELETE ON answer_log_rows
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
