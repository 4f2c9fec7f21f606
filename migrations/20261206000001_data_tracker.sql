-- The Data Tracker protocol v3 (docs/interop.md) names an organisation by
-- its registry code, and tells a use inside one authority (internal
-- processing) from a transfer between two. So the master data say:
--
--  * an authority's CVR number (8 digits), where the municipality has
--    entered it; and a third kind of authority, 'external': one outside the
--    municipality that keeps a register the municipality's units use (the
--    CPR register's keeper, a state agency), so that it can be named;
--  * which authority keeps a source system, when it is not the authority of
--    the units that use it. A use reported by a system another authority
--    keeps is that system answering the unit's authority: a transfer.
ALTER TABLE authorities ADD COLUMN cvr text CHECK (cvr ~ '^[0-9]{8}$');
COMMENT ON COLUMN authorities.cvr IS 'The authority''s CVR number (the Data Tracker protocol''s organisation code); NULL when not entered.';

ALTER TABLE authorities DROP CONSTRAINT authorities_kind_check;
ALTER TABLE authorities ADD CONSTRAINT authorities_kind_check
    CHECK (kind IN ('municipality', 'independent', 'external'));

ALTER TABLE source_systems ADD COLUMN keeper_authority_id bigint REFERENCES authorities (id);
COMMENT ON COLUMN source_systems.keeper_authority_id IS 'The authority that keeps the system, when it is not the authority of the units using it (a use is then a transfer in the Data Tracker protocol); NULL: each unit''s own authority.';
