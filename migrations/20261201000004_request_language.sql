-- The languages people use Indblik in (issue 12). A request keeps the
-- language the citizen used when filing it: the notices e-mailed about it,
-- and the texts the portal adds to its history (an extension's new
-- deadline, a refusal's ground and right to complain), are written in it.
-- Requests registered by staff are in Danish.
ALTER TABLE data_requests
    ADD COLUMN language text NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en'));

-- The language a staff member last used the portal in (set at each
-- sign-in): their daily digest is written in it.
ALTER TABLE staff_members
    ADD COLUMN language text NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en'));
