-- Lifting a block records why, besides who (the DPO's web form and the
-- command line both ask for it); the DPO is mailed when an identity is
-- blocked, so the outbox knows that kind of mail.
ALTER TABLE access_blocks ADD COLUMN lift_cause text
    CHECK (lift_cause IS NULL OR length(btrim(lift_cause)) BETWEEN 1 AND 500);
UPDATE access_blocks SET lift_cause = 'Ikke registreret (ophævet før årsagen blev registreret)'
    WHERE lifted_at IS NOT NULL;
ALTER TABLE access_blocks ADD CONSTRAINT access_blocks_lifted_with_cause
    CHECK ((lifted_at IS NULL) = (lift_cause IS NULL));
COMMENT ON COLUMN access_blocks.lift_cause IS 'Why the block was lifted, as the person who lifted it wrote it; for an expired address throttle, that it expired.';

ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
    CHECK (kind IN ('digest', 'status_notice', 'block_notice'));
