-- A person's calendar feed: a secret address a calendar app fetches without a launch. Only the
-- hash of its token is kept; making a new link or stopping it revokes the old one.
CREATE TABLE coaching_calendar_feed (
    token_hash CHAR(43)     NOT NULL COLLATE utf8mb4_bin,
    tenant_id  BIGINT       NOT NULL,
    user_ref   BIGINT       NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    revoked_at TIMESTAMP(3) NULL,
    last_read_at TIMESTAMP(3) NULL,
    PRIMARY KEY (token_hash),
    KEY ix_coaching_calendar_feed_user (tenant_id, user_ref),
    CONSTRAINT fk_coaching_calendar_feed_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
