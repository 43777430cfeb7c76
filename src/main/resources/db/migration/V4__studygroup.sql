-- Study groups: a group belongs to a tenant and to the LMS course it was created from (the school's
-- coaching course); sessions, members and reflections are aggregates of their own that point to it.

CREATE TABLE study_group (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id             BIGINT        NOT NULL,
    home_context_ref      BIGINT        NOT NULL,
    title                 VARCHAR(200)  NOT NULL,
    purpose               VARCHAR(2000) NOT NULL,
    school_goal           VARCHAR(500)  NULL,
    kind                  VARCHAR(20)   NOT NULL,
    text_title            VARCHAR(300)  NULL,
    text_author           VARCHAR(200)  NULL,
    visibility            VARCHAR(10)   NOT NULL,
    credit_hours          DECIMAL(6, 2) NOT NULL,
    credit_unit           VARCHAR(40)   NOT NULL,
    rule_basis            VARCHAR(10)   NOT NULL,
    rule_minimum          INT           NOT NULL,
    rule_excused_counts   BOOLEAN       NOT NULL,
    rule_final_reflection_required BOOLEAN NOT NULL,
    rule_minimum_members  INT           NOT NULL,
    rule_hours_cap        DECIMAL(6, 2) NULL,
    archived_at           TIMESTAMP(3)  NULL,
    created_by            BIGINT        NOT NULL,
    created_at            TIMESTAMP(3)  NOT NULL,
    updated_at            TIMESTAMP(3)  NOT NULL,
    version               INT           NOT NULL,
    PRIMARY KEY (id),
    KEY ix_study_group_home (tenant_id, home_context_ref),
    CONSTRAINT fk_study_group_tenant FOREIGN KEY (tenant_id) REFERENCES lti_deployment (id) ON DELETE CASCADE,
    CONSTRAINT fk_study_group_context FOREIGN KEY (home_context_ref) REFERENCES lti_context (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE study_group_facilitator (
    study_group BIGINT NOT NULL,
    user_ref    BIGINT NOT NULL,
    PRIMARY KEY (study_group, user_ref),
    CONSTRAINT fk_facilitator_group FOREIGN KEY (study_group) REFERENCES study_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_facilitator_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE study_group_link (
    study_group BIGINT        NOT NULL,
    position    INT           NOT NULL,
    title       VARCHAR(300)  NOT NULL,
    url         VARCHAR(2000) NOT NULL,
    PRIMARY KEY (study_group, position),
    CONSTRAINT fk_link_group FOREIGN KEY (study_group) REFERENCES study_group (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE study_group_session (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id   BIGINT        NOT NULL,
    study_group BIGINT        NOT NULL,
    starts_at   TIMESTAMP(3)  NOT NULL,
    ends_at     TIMESTAMP(3)  NOT NULL,
    location    VARCHAR(300)  NULL,
    meeting_url VARCHAR(2000) NULL,
    agenda      TEXT          NULL,
    reading     TEXT          NULL,
    prompts     TEXT          NULL,
    resources   TEXT          NULL,
    cancelled   BOOLEAN       NOT NULL,
    version     INT           NOT NULL,
    PRIMARY KEY (id),
    KEY ix_session_group (study_group, starts_at),
    CONSTRAINT fk_session_group FOREIGN KEY (study_group) REFERENCES study_group (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE study_group_attendance (
    session_id  BIGINT       NOT NULL,
    user_ref    BIGINT       NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    recorded_by BIGINT       NOT NULL,
    recorded_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (session_id, user_ref),
    KEY ix_attendance_user (user_ref),
    CONSTRAINT fk_attendance_session FOREIGN KEY (session_id) REFERENCES study_group_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_attendance_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE study_group_member (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id         BIGINT        NOT NULL,
    study_group       BIGINT        NOT NULL,
    user_ref          BIGINT        NOT NULL,
    source            VARCHAR(10)   NOT NULL,
    lms_role          VARCHAR(20)   NULL,
    joined_at         TIMESTAMP(3)  NOT NULL,
    left_course_at    TIMESTAMP(3)  NULL,
    completed_at      TIMESTAMP(3)  NULL,
    completed_by      BIGINT        NULL,
    completion_reason VARCHAR(1000) NULL,
    credit_hours      DECIMAL(6, 2) NULL,
    withdrawn_at      TIMESTAMP(3)  NULL,
    withdrawn_by      BIGINT        NULL,
    withdrawal_reason VARCHAR(1000) NULL,
    version           INT           NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_member (study_group, user_ref),
    KEY ix_member_user (tenant_id, user_ref),
    CONSTRAINT fk_member_group FOREIGN KEY (study_group) REFERENCES study_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_member_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE study_group_reflection (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id   BIGINT       NOT NULL,
    study_group BIGINT       NOT NULL,
    session_id  BIGINT       NULL,
    user_ref    BIGINT       NOT NULL,
    final_reflection BOOLEAN NOT NULL,
    body        TEXT         NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    updated_at  TIMESTAMP(3) NOT NULL,
    version     INT          NOT NULL,
    PRIMARY KEY (id),
    KEY ix_reflection_member (study_group, user_ref),
    CONSTRAINT fk_reflection_group FOREIGN KEY (study_group) REFERENCES study_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_reflection_session FOREIGN KEY (session_id) REFERENCES study_group_session (id) ON DELETE SET NULL,
    CONSTRAINT fk_reflection_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE study_group_reflection_reply (
    reflection BIGINT       NOT NULL,
    position   INT          NOT NULL,
    author_ref BIGINT       NOT NULL,
    body       TEXT         NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (reflection, position),
    CONSTRAINT fk_reply_reflection FOREIGN KEY (reflection) REFERENCES study_group_reflection (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Where a group is placed in LMS courses (deep linking); completions go to these links' gradebook columns.
CREATE TABLE study_group_placement (
    study_group       BIGINT       NOT NULL,
    resource_link_id  VARCHAR(255)  NOT NULL COLLATE utf8mb4_bin,
    context_ref       BIGINT        NULL,
    line_item_url     VARCHAR(2000) NULL,
    line_items_url    VARCHAR(2000) NULL,
    first_launch_by   BIGINT        NOT NULL,
    first_launch_at   TIMESTAMP(3)  NOT NULL,
    last_launch_at    TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (study_group, resource_link_id),
    CONSTRAINT fk_placement_group FOREIGN KEY (study_group) REFERENCES study_group (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Files a coach shares with a group (texts, handouts): kept in the database, outside any web root.
CREATE TABLE study_group_file (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id    BIGINT       NOT NULL,
    study_group  BIGINT       NOT NULL,
    name         VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      LONGBLOB     NOT NULL,
    uploaded_by  BIGINT       NOT NULL,
    uploaded_at  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_file_group (study_group),
    CONSTRAINT fk_file_group FOREIGN KEY (study_group) REFERENCES study_group (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
