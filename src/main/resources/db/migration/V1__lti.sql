-- LTI 1.3: platforms, deployments (the tenants), tool keys, login state, launched users and contexts, sessions.
-- Identifiers sent by platforms compare byte for byte (utf8mb4_bin); names compare as people expect.

CREATE TABLE lti_platform (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    issuer                 VARCHAR(255)  NOT NULL COLLATE utf8mb4_bin,
    client_id              VARCHAR(255)  NOT NULL COLLATE utf8mb4_bin,
    name                   VARCHAR(200)  NOT NULL,
    authorization_endpoint VARCHAR(1000) NOT NULL,
    token_endpoint         VARCHAR(1000) NULL,
    jwks_uri               VARCHAR(1000) NOT NULL,
    product_family         VARCHAR(100)  NULL,
    source                 VARCHAR(32)   NOT NULL,
    custom_role_parameter  VARCHAR(100)  NULL,
    frame_origins          VARCHAR(2000) NULL,
    created_at             TIMESTAMP(3)  NOT NULL,
    updated_at             TIMESTAMP(3)  NOT NULL,
    version                INT           NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_lti_platform_issuer_client (issuer, client_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lti_platform_role_rule (
    platform_id    BIGINT       NOT NULL,
    lti_role       VARCHAR(255) NOT NULL COLLATE utf8mb4_bin,
    coachroom_role VARCHAR(32)  NOT NULL,
    PRIMARY KEY (platform_id, lti_role, coachroom_role),
    CONSTRAINT fk_role_rule_platform FOREIGN KEY (platform_id) REFERENCES lti_platform (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A deployment is a tenant: every domain row carries its id.
CREATE TABLE lti_deployment (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    platform_id   BIGINT       NOT NULL,
    deployment_id VARCHAR(255) NOT NULL COLLATE utf8mb4_bin,
    name          VARCHAR(200) NULL,
    created_at    TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_lti_deployment (platform_id, deployment_id),
    CONSTRAINT fk_deployment_platform FOREIGN KEY (platform_id) REFERENCES lti_platform (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lti_tool_key (
    kid          VARCHAR(64)  NOT NULL COLLATE utf8mb4_bin,
    private_key  TEXT         NOT NULL,
    public_jwk   TEXT         NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL,
    activated_at TIMESTAMP(3) NULL,
    retired_at   TIMESTAMP(3) NULL,
    PRIMARY KEY (kid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row that key rotation locks, so two nodes never generate or promote keys at once.
CREATE TABLE lti_tool_key_lock (
    id INT NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
INSERT INTO lti_tool_key_lock (id) VALUES (1);

-- OIDC login state: the nonce belongs to the state, both single-use, bound to one browser.
CREATE TABLE lti_login_state (
    state           CHAR(43)      NOT NULL COLLATE utf8mb4_bin,
    nonce           CHAR(43)      NOT NULL COLLATE utf8mb4_bin,
    browser_hash    CHAR(43)      NOT NULL COLLATE utf8mb4_bin,
    platform_id     BIGINT        NOT NULL,
    target_link_uri VARCHAR(2000) NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    expires_at      TIMESTAMP(3)  NOT NULL,
    consumed_at     TIMESTAMP(3)  NULL,
    PRIMARY KEY (state),
    KEY ix_login_state_nonce (nonce),
    KEY ix_login_state_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lti_user (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id   BIGINT       NOT NULL,
    subject     VARCHAR(255) NOT NULL COLLATE utf8mb4_bin,
    name        VARCHAR(300) NULL,
    given_name  VARCHAR(200) NULL,
    family_name VARCHAR(200) NULL,
    email       VARCHAR(320) NULL,
    locale      VARCHAR(35)  NULL,
    updated_at  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_lti_user (tenant_id, subject),
    CONSTRAINT fk_user_tenant FOREIGN KEY (tenant_id) REFERENCES lti_deployment (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lti_context (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  BIGINT       NOT NULL,
    context_id VARCHAR(255) NOT NULL COLLATE utf8mb4_bin,
    label      VARCHAR(255) NULL,
    title      VARCHAR(500) NULL,
    types      VARCHAR(500) NULL,
    updated_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_lti_context (tenant_id, context_id),
    CONSTRAINT fk_context_tenant FOREIGN KEY (tenant_id) REFERENCES lti_deployment (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lti_resource_link (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id        BIGINT        NOT NULL,
    context_ref      BIGINT        NULL,
    resource_link_id VARCHAR(255)  NOT NULL COLLATE utf8mb4_bin,
    title            VARCHAR(500)  NULL,
    description      VARCHAR(2000) NULL,
    updated_at       TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_lti_resource_link (tenant_id, resource_link_id),
    CONSTRAINT fk_resource_link_tenant FOREIGN KEY (tenant_id) REFERENCES lti_deployment (id) ON DELETE CASCADE,
    CONSTRAINT fk_resource_link_context FOREIGN KEY (context_ref) REFERENCES lti_context (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who was last seen in which course with which roles: the roster as launches reveal it.
CREATE TABLE lti_context_member (
    tenant_id       BIGINT        NOT NULL,
    context_ref     BIGINT        NOT NULL,
    user_ref        BIGINT        NOT NULL,
    lti_roles       VARCHAR(2000) NOT NULL,
    coachroom_roles VARCHAR(200)  NOT NULL,
    last_launch_at  TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (context_ref, user_ref),
    KEY ix_context_member_user (user_ref),
    CONSTRAINT fk_context_member_tenant FOREIGN KEY (tenant_id) REFERENCES lti_deployment (id) ON DELETE CASCADE,
    CONSTRAINT fk_context_member_context FOREIGN KEY (context_ref) REFERENCES lti_context (id) ON DELETE CASCADE,
    CONSTRAINT fk_context_member_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A signed-in browser after a launch. The cookie holds a random token; only its hash is stored.
CREATE TABLE lti_session (
    token_hash        CHAR(43)     NOT NULL COLLATE utf8mb4_bin,
    tenant_id         BIGINT       NOT NULL,
    user_ref          BIGINT       NOT NULL,
    context_ref       BIGINT       NULL,
    resource_link_ref BIGINT       NULL,
    roles             VARCHAR(200) NOT NULL,
    message_type      VARCHAR(64)  NOT NULL,
    launch_data       TEXT         NULL,
    csrf_token        CHAR(43)     NOT NULL COLLATE utf8mb4_bin,
    created_at        TIMESTAMP(3) NOT NULL,
    expires_at        TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (token_hash),
    KEY ix_session_expires (expires_at),
    CONSTRAINT fk_session_tenant FOREIGN KEY (tenant_id) REFERENCES lti_deployment (id) ON DELETE CASCADE,
    CONSTRAINT fk_session_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
