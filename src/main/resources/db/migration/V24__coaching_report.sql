-- The staff report a coach shares twice a year, and the good-news stories in it, each printed only
-- in the wording its teacher approved and only while they consent.

-- A good-news story about a teacher's work: the coach drafts it in a cycle, the teacher may reword
-- it and approves it for the staff report, and may withdraw that consent at any time. Only
-- approved_wording is ever printed: the teacher's approve writes it, withdrawing empties it.
CREATE TABLE coaching_story (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id        BIGINT        NOT NULL,
    cycle            BIGINT        NOT NULL,
    coach_ref        BIGINT        NOT NULL,
    teacher_ref      BIGINT        NOT NULL,
    wording          VARCHAR(1500) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    approved_wording VARCHAR(1500) NULL,
    drafted_on       DATE          NOT NULL,
    approved_at      TIMESTAMP(3)  NULL,
    withdrawn_at     TIMESTAMP(3)  NULL,
    created_at       TIMESTAMP(3)  NOT NULL,
    updated_at       TIMESTAMP(3)  NOT NULL,
    version          INT           NOT NULL,
    PRIMARY KEY (id),
    KEY ix_coaching_story_cycle (cycle),
    KEY ix_coaching_story_coach (tenant_id, coach_ref, status, drafted_on),
    CONSTRAINT fk_coaching_story_cycle FOREIGN KEY (cycle) REFERENCES coaching_cycle (id) ON DELETE CASCADE,
    CONSTRAINT fk_coaching_story_coach FOREIGN KEY (coach_ref) REFERENCES lti_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_coaching_story_teacher FOREIGN KEY (teacher_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A coach's staff report for one report period: the trends and themes and the support offered
-- next, in the coach's words. Once printed (or downloaded) it is kept as it was: printed_at says
-- when, and its stories are copied into coaching_report_story. A later edition starts unprinted.
CREATE TABLE coaching_report (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id    BIGINT       NOT NULL,
    coach_ref    BIGINT       NOT NULL,
    period_start DATE         NOT NULL,
    edition      INT          NOT NULL,
    trends       TEXT         NULL,
    next_support TEXT         NULL,
    printed_at   TIMESTAMP(3) NULL,
    created_at   TIMESTAMP(3) NOT NULL,
    updated_at   TIMESTAMP(3) NOT NULL,
    version      INT          NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_coaching_report_edition (tenant_id, coach_ref, period_start, edition),
    CONSTRAINT fk_coaching_report_coach FOREIGN KEY (coach_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The stories a printed report held, in the wording printed: a report once shared keeps them.
CREATE TABLE coaching_report_story (
    report      BIGINT        NOT NULL,
    report_key  INT           NOT NULL,
    story_id    BIGINT        NULL,
    wording     VARCHAR(1500) NOT NULL,
    PRIMARY KEY (report, report_key),
    CONSTRAINT fk_coaching_report_story_report FOREIGN KEY (report) REFERENCES coaching_report (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
