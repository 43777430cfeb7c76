-- A coaching cycle may be with a PLC team (a team workspace the coach facilitates) rather than one teacher.
ALTER TABLE coaching_cycle MODIFY teacher_ref BIGINT NULL;
ALTER TABLE coaching_cycle ADD COLUMN team_ref BIGINT NULL;
ALTER TABLE coaching_cycle ADD KEY ix_coaching_cycle_team (tenant_id, team_ref);
