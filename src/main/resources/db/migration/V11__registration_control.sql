-- Registration a district controls. A platform from open registration waits for the operator's approval
-- (PENDING: its launches are refused); a registration URL is a single-use invitation, kept only as a hash.

ALTER TABLE lti_platform ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE';
CREATE INDEX ix_lti_platform_status ON lti_platform (status, created_at);

CREATE TABLE lti_registration_invite (
    token_hash       CHAR(43)     NOT NULL COLLATE utf8mb4_bin,
    -- the district admin's tenant that issued it; NULL when the operator did
    issued_by_tenant BIGINT       NULL,
    issued_by        VARCHAR(300) NULL,
    created_at       TIMESTAMP(3) NOT NULL,
    expires_at       TIMESTAMP(3) NOT NULL,
    used_at          TIMESTAMP(3) NULL,
    platform_id      BIGINT       NULL,
    PRIMARY KEY (token_hash),
    KEY ix_registration_invite_tenant (issued_by_tenant, created_at),
    CONSTRAINT fk_invite_tenant FOREIGN KEY (issued_by_tenant) REFERENCES lti_deployment (id) ON DELETE CASCADE,
    CONSTRAINT fk_invite_platform FOREIGN KEY (platform_id) REFERENCES lti_platform (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
