-- A contact may be with a PLC team (a team workspace the coach facilitates) rather than one teacher.
ALTER TABLE coaching_contact MODIFY teacher_ref BIGINT NULL;
ALTER TABLE coaching_contact ADD COLUMN team_ref BIGINT NULL;
ALTER TABLE coaching_contact ADD KEY ix_coaching_contact_team (tenant_id, team_ref, held_on);
