-- Spring Modulith's event publication registry (the transactional outbox), lower-case so that it
-- behaves the same on case-sensitive (Linux) and case-insensitive (Windows, macOS) servers.
CREATE TABLE event_publication (
    id                     VARCHAR(36)   NOT NULL,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       TIMESTAMP(6)  NOT NULL,
    completion_date        TIMESTAMP(6)  NULL,
    status                 VARCHAR(20)   NULL,
    completion_attempts    INT           NULL,
    last_resubmission_date TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_event_publication_completion (completion_date),
    KEY ix_event_publication_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
