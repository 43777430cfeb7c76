-- Team Learning Process workspaces: one per PLC team, tied to the LMS course it is launched from.
CREATE TABLE team_workspace (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id        BIGINT        NOT NULL,
    context_ref      BIGINT        NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    norms            TEXT          NULL,
    norms_updated_by BIGINT        NULL,
    norms_updated_at TIMESTAMP(3)  NULL,
    created_by       BIGINT        NOT NULL,
    created_at       TIMESTAMP(3)  NOT NULL,
    version          INT           NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_team_context (tenant_id, context_ref),
    CONSTRAINT fk_team_context FOREIGN KEY (context_ref) REFERENCES lti_context (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who is in the team: members, and the facilitator (the coach).
CREATE TABLE team_member (
    workspace BIGINT       NOT NULL,
    user_ref  BIGINT       NOT NULL,
    role      VARCHAR(20)  NOT NULL,
    joined_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (workspace, user_ref),
    KEY ix_team_member_user (user_ref),
    CONSTRAINT fk_team_member_workspace FOREIGN KEY (workspace) REFERENCES team_workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_team_member_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A team meeting: its date, the shared agenda and the notes.
CREATE TABLE team_meeting (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    workspace  BIGINT       NOT NULL,
    held_on    DATE         NOT NULL,
    title      VARCHAR(200) NOT NULL,
    agenda     TEXT         NULL,
    notes      TEXT         NULL,
    updated_by BIGINT       NOT NULL,
    updated_at TIMESTAMP(3) NOT NULL,
    version    INT          NOT NULL,
    PRIMARY KEY (id),
    KEY ix_team_meeting (workspace, held_on),
    CONSTRAINT fk_team_meeting_workspace FOREIGN KEY (workspace) REFERENCES team_workspace (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Action items: what, who (a member), by when, and whether it is done.
CREATE TABLE team_action (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    workspace  BIGINT       NOT NULL,
    meeting    BIGINT       NULL,
    text       VARCHAR(500) NOT NULL,
    owner_ref  BIGINT       NULL,
    due_on     DATE         NULL,
    done       BOOLEAN      NOT NULL,
    done_at    TIMESTAMP(3) NULL,
    created_by BIGINT       NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    version    INT          NOT NULL,
    PRIMARY KEY (id),
    KEY ix_team_action (workspace, done, due_on),
    CONSTRAINT fk_team_action_workspace FOREIGN KEY (workspace) REFERENCES team_workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_team_action_meeting FOREIGN KEY (meeting) REFERENCES team_meeting (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What the team shares: links, and files kept in the database (the same checks as study groups').
CREATE TABLE team_resource (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    workspace    BIGINT        NOT NULL,
    kind         VARCHAR(10)   NOT NULL,
    title        VARCHAR(300)  NOT NULL,
    url          VARCHAR(2000) NULL,
    content_type VARCHAR(100)  NULL,
    size_bytes   BIGINT        NULL,
    sha256       CHAR(64)      NULL,
    content      LONGBLOB      NULL,
    added_by     BIGINT        NOT NULL,
    added_at     TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_team_resource (workspace, added_at),
    CONSTRAINT fk_team_resource_workspace FOREIGN KEY (workspace) REFERENCES team_workspace (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
