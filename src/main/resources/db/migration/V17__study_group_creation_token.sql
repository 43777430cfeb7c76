-- A study group remembers the one-time token of the form that created it, so that the same
-- form posted twice (a double click, a resent request) makes one group, not two.
ALTER TABLE study_group
    ADD COLUMN creation_token VARCHAR(64) NULL COLLATE utf8mb4_bin AFTER created_by,
    ADD UNIQUE KEY uk_study_group_creation (tenant_id, created_by, creation_token);
