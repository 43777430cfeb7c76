-- The school a team belongs to (one of pd_school), for its principal's overview; the workspace
-- entity does not map it, so saving norms never touches it.
ALTER TABLE team_workspace ADD COLUMN school_ref BIGINT NULL, ADD KEY ix_team_school (tenant_id, school_ref);

-- A learning cycle of a team: the four PLC questions and Plan / Teach / Assess / Adjust, one step at a time.
CREATE TABLE team_cycle (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    workspace       BIGINT        NOT NULL,
    number          INT           NOT NULL,
    standard        TEXT          NULL,
    assessment      TEXT          NULL,
    assessed_on     DATE          NULL,
    bands           VARCHAR(300)  NULL,
    proficient_from INT           NULL,
    strengths       TEXT          NULL,
    obstacles       TEXT          NULL,
    goal            TEXT          NULL,
    target_percent  DECIMAL(4, 1) NULL,
    goal_by         DATE          NULL,
    strategies      TEXT          NULL,
    intervention    TEXT          NULL,
    extension       TEXT          NULL,
    responsibilities TEXT         NULL,
    reassessed_on   DATE          NULL,
    reflection      TEXT          NULL,
    carry_forward   TEXT          NULL,
    closed_at       TIMESTAMP(3)  NULL,
    closed_by       BIGINT        NULL,
    goal_met        BOOLEAN       NULL,
    shared_at       TIMESTAMP(3)  NULL,
    shared_by       BIGINT        NULL,
    created_by      BIGINT        NOT NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    updated_by      BIGINT        NOT NULL,
    updated_at      TIMESTAMP(3)  NOT NULL,
    version         INT           NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_team_cycle (workspace, number),
    CONSTRAINT fk_team_cycle_workspace FOREIGN KEY (workspace) REFERENCES team_workspace (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A cycle's results per class: counts of students per level, numbers only, never names.
-- round is BASELINE (the common assessment) or REASSESSMENT (the Adjust step).
CREATE TABLE team_cycle_result (
    cycle      BIGINT       NOT NULL,
    round      VARCHAR(12)  NOT NULL,
    position   INT          NOT NULL,
    class_name VARCHAR(100) NOT NULL,
    class_size INT          NOT NULL,
    counts     VARCHAR(100) NOT NULL,
    PRIMARY KEY (cycle, round, position),
    CONSTRAINT fk_team_result_cycle FOREIGN KEY (cycle) REFERENCES team_cycle (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who took part in a closed cycle: their gradebook columns receive its completion.
CREATE TABLE team_cycle_participant (
    cycle    BIGINT NOT NULL,
    user_ref BIGINT NOT NULL,
    PRIMARY KEY (cycle, user_ref),
    CONSTRAINT fk_team_participant_cycle FOREIGN KEY (cycle) REFERENCES team_cycle (id) ON DELETE CASCADE,
    CONSTRAINT fk_team_participant_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- LMS links the workspace is placed at (deep linking), each with its gradebook column.
CREATE TABLE team_placement (
    workspace        BIGINT        NOT NULL,
    resource_link_id VARCHAR(255)  NOT NULL COLLATE utf8mb4_bin,
    context_ref      BIGINT        NULL,
    line_item_url    VARCHAR(2000) NULL,
    line_items_url   VARCHAR(2000) NULL,
    first_launch_at  TIMESTAMP(3)  NOT NULL,
    last_launch_at   TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (workspace, resource_link_id),
    CONSTRAINT fk_team_placement_workspace FOREIGN KEY (workspace) REFERENCES team_workspace (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
