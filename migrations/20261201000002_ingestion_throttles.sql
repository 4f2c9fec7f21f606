-- A wrong API key is counted per source address and source system, and
-- throttles ingestion from that address for that system only: not the
-- address's sign-ins, and not the other systems sending from it. The system
-- is the one a key names (`indblik_<system>_<secret>`); a key that names
-- none is counted as "no system named".
ALTER TABLE access_rejections ADD COLUMN source_system text
    CHECK (source_system IS NULL OR source_system ~ '^[a-z0-9][a-z0-9_-]{0,63}$');
COMMENT ON COLUMN access_rejections.source_system IS 'For a refused API key: the source system the key named, if any.';

ALTER TABLE access_blocks ADD COLUMN for_ingestion boolean NOT NULL DEFAULT false;
ALTER TABLE access_blocks ADD COLUMN source_system text
    CHECK (source_system IS NULL OR source_system ~ '^[a-z0-9][a-z0-9_-]{0,63}$');
ALTER TABLE access_blocks ADD CONSTRAINT access_blocks_ingestion_is_an_address
    CHECK (NOT for_ingestion OR source_ip IS NOT NULL);
ALTER TABLE access_blocks ADD CONSTRAINT access_blocks_system_only_for_ingestion
    CHECK (for_ingestion OR source_system IS NULL);
COMMENT ON COLUMN access_blocks.for_ingestion IS 'Throttles only the ingestion API from source_ip, for source_system (NULL: keys naming no system).';

DROP INDEX access_blocks_active_source;
CREATE UNIQUE INDEX access_blocks_active_source
    ON access_blocks (source_ip, for_ingestion, coalesce(source_system, ''))
    WHERE lifted_at IS NULL AND source_ip IS NOT NULL;
