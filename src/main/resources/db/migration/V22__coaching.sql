-- Coaching itself: cycles between a coach and a teacher, and the coach's log of contacts and of
-- time that is not coaching. Nothing here is ever shown outside the coaching pair except as counts.

-- A coaching cycle: the teacher's goal in their words, the coach's private notes, the close
-- with the teacher's reflection.
CREATE TABLE coaching_cycle (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id    BIGINT        NOT NULL,
    coach_ref    BIGINT        NOT NULL,
    teacher_ref  BIGINT        NOT NULL,
    goal         VARCHAR(2000) NOT NULL,
    school_goal  VARCHAR(500)  NULL,
    -- the coach's own notes: never shown to the teacher or anyone else
    coach_notes  TEXT          NULL,
    status       VARCHAR(16)   NOT NULL,
    opened_on    DATE          NOT NULL,
    closed_on    DATE          NULL,
    closed_by    BIGINT        NULL,
    reflection   TEXT          NULL,
    what_changed TEXT          NULL,
    created_at   TIMESTAMP(3)  NOT NULL,
    updated_at   TIMESTAMP(3)  NOT NULL,
    version      INT           NOT NULL,
    PRIMARY KEY (id),
    KEY ix_coaching_cycle_coach (tenant_id, coach_ref, status),
    KEY ix_coaching_cycle_teacher (tenant_id, teacher_ref),
    CONSTRAINT fk_coaching_cycle_coach FOREIGN KEY (coach_ref) REFERENCES lti_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_coaching_cycle_teacher FOREIGN KEY (teacher_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The moves a cycle plans: a model lesson, co-teaching, an observation...
CREATE TABLE coaching_cycle_move (
    cycle      BIGINT       NOT NULL,
    cycle_key  INT          NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    planned_on DATE         NULL,
    note       VARCHAR(500) NULL,
    PRIMARY KEY (cycle, cycle_key),
    CONSTRAINT fk_coaching_move_cycle FOREIGN KEY (cycle) REFERENCES coaching_cycle (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A contact in the coach's log: with whom (a teacher, in a cycle or not), what kind of support,
-- for how long. The note is the coach's.
CREATE TABLE coaching_contact (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id   BIGINT        NOT NULL,
    coach_ref   BIGINT        NOT NULL,
    teacher_ref BIGINT        NOT NULL,
    cycle_id    BIGINT        NULL,
    held_on     DATE          NOT NULL,
    minutes     INT           NOT NULL,
    support     VARCHAR(32)   NOT NULL,
    note        VARCHAR(1000) NULL,
    created_at  TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_coaching_contact_coach (tenant_id, coach_ref, held_on),
    KEY ix_coaching_contact_teacher (tenant_id, teacher_ref, held_on),
    KEY ix_coaching_contact_cycle (cycle_id),
    CONSTRAINT fk_coaching_contact_coach FOREIGN KEY (coach_ref) REFERENCES lti_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_coaching_contact_teacher FOREIGN KEY (teacher_ref) REFERENCES lti_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_coaching_contact_cycle FOREIGN KEY (cycle_id) REFERENCES coaching_cycle (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Time a coach spends on something other than coaching (duty, subbing, meetings, administrative
-- tasks): what the share of time coaching is measured against.
CREATE TABLE coaching_other_time (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  BIGINT       NOT NULL,
    coach_ref  BIGINT       NOT NULL,
    spent_on   DATE         NOT NULL,
    minutes    INT          NOT NULL,
    category   VARCHAR(32)  NOT NULL,
    note       VARCHAR(500) NULL,
    created_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_coaching_other_time_coach (tenant_id, coach_ref, spent_on),
    CONSTRAINT fk_coaching_other_time_coach FOREIGN KEY (coach_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An observation or walk-through in a cycle: descriptive by design. The look-fors the coach chose,
-- what was seen, and questions for the teacher's reflection; no rating, no score, no rubric.
CREATE TABLE coaching_observation (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    cycle       BIGINT        NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    observed_on DATE          NOT NULL,
    look_fors   TEXT          NOT NULL,
    seen        TEXT          NOT NULL,
    questions   TEXT          NULL,
    created_at  TIMESTAMP(3)  NOT NULL,
    updated_at  TIMESTAMP(3)  NOT NULL,
    version     INT           NOT NULL,
    PRIMARY KEY (id),
    KEY ix_coaching_observation_cycle (cycle, observed_on),
    CONSTRAINT fk_coaching_observation_cycle FOREIGN KEY (cycle) REFERENCES coaching_cycle (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
