-- The built-in demo platform's signing key (only used when the demo district runs).
CREATE TABLE demo_platform_key (
    id         INT          NOT NULL,
    jwk        TEXT         NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
