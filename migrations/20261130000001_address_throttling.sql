-- A block of a source address is throttling that ends by itself: it expires
-- lockout_window_hours after it was made (an identity's block has no end and
-- waits for the DPO or an administrator). An expired address block is marked
-- lifted when the address is blocked again, so at most one is active.
ALTER TABLE access_blocks ADD COLUMN expires_at timestamptz;
ALTER TABLE access_blocks ADD CONSTRAINT access_blocks_only_addresses_expire
    CHECK (expires_at IS NULL OR source_ip IS NOT NULL);

COMMENT ON COLUMN access_blocks.expires_at IS 'For an address: when the throttling ends by itself. NULL for an identity (lifted by a person).';
