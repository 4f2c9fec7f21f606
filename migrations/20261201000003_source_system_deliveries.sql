-- When each source system last delivered events (through the API or an
-- import), for the DPO's overview: a system that has fallen silent leaves a
-- gap in the log that no citizen can see. One row per system, written in the
-- transaction that stores the events; the portal's own uses are not
-- deliveries and are not counted.
CREATE TABLE source_system_deliveries (
    source_system_id  bigint PRIMARY KEY REFERENCES source_systems (id),
    last_delivery_at  timestamptz NOT NULL,
    -- Events stored from the system's deliveries (resent events not counted).
    events_stored     bigint NOT NULL CHECK (events_stored >= 0)
);

INSERT INTO source_system_deliveries (source_system_id, last_delivery_at, events_stored)
SELECT e.source_system_id, max(e.received_at), count(*)
FROM access_events e
JOIN source_systems s ON s.id = e.source_system_id
WHERE s.code <> 'indblik'
GROUP BY e.source_system_id;
