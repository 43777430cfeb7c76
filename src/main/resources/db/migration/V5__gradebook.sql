-- The gradebook outbox: one row per person and placement (one LMS gradebook column), holding the score
-- the platform should show. Written in the same transaction as the completion; a later change (a withdrawn
-- completion) replaces the row's score under a new revision. Workers on any node claim rows with
-- SELECT ... FOR UPDATE SKIP LOCKED.
CREATE TABLE gradebook_score (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id        BIGINT        NOT NULL,
    source           VARCHAR(20)   NOT NULL,
    source_id        BIGINT        NOT NULL,
    source_title     VARCHAR(300)  NOT NULL,
    resource_link_id VARCHAR(255)  NOT NULL COLLATE utf8mb4_bin,
    user_ref         BIGINT        NOT NULL,
    user_subject     VARCHAR(255)  NOT NULL COLLATE utf8mb4_bin,
    line_item_url    VARCHAR(2000) NULL,
    line_items_url   VARCHAR(2000) NULL,
    score_given      DECIMAL(8, 2) NULL,
    score_maximum    DECIMAL(8, 2) NOT NULL,
    comment          VARCHAR(1000) NULL,
    completed_at     TIMESTAMP(3)  NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  TIMESTAMP(3)  NOT NULL,
    claimed_until    TIMESTAMP(3)  NULL,
    last_error       VARCHAR(2000) NULL,
    platform_status  INT           NULL,
    service_off      BOOLEAN       NOT NULL,
    sent_at          TIMESTAMP(3)  NULL,
    revision         INT           NOT NULL DEFAULT 1,
    created_at       TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_score_placement (tenant_id, source, source_id, resource_link_id, user_ref),
    KEY ix_score_due (status, next_attempt_at),
    CONSTRAINT fk_score_tenant FOREIGN KEY (tenant_id) REFERENCES lti_deployment (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
