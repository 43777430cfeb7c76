-- PD course and credential tracking: each district's (tenant's) catalog of programs, the people's
-- profile facts the rules need, their progress per requirement, extensions, and the audit trail.
CREATE TABLE pd_program (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id           BIGINT        NOT NULL,
    code                VARCHAR(60)   NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    description         VARCHAR(2000) NULL,
    deadline_kind       VARCHAR(30)   NOT NULL,
    deadline_fixed_date DATE          NULL,
    deadline_years      INT           NOT NULL,
    catalog_version     VARCHAR(40)   NULL,
    mentored            BOOLEAN       NOT NULL,
    archived            BOOLEAN       NOT NULL,
    updated_at          TIMESTAMP(3)  NOT NULL,
    version             INT           NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_program_code (tenant_id, code),
    CONSTRAINT fk_program_tenant FOREIGN KEY (tenant_id) REFERENCES lti_deployment (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE pd_requirement (
    program           BIGINT        NOT NULL,
    position          INT           NOT NULL,
    code              VARCHAR(60)   NOT NULL,
    title             VARCHAR(300)  NOT NULL,
    part              VARCHAR(100)  NULL,
    kind              VARCHAR(20)   NOT NULL,
    threshold         DECIMAL(5, 2) NULL,
    attempts          INT           NOT NULL,
    hours             DECIMAL(7, 2) NULL,
    hours_unit        VARCHAR(40)   NULL,
    evidence_required BOOLEAN       NOT NULL,
    PRIMARY KEY (program, position),
    CONSTRAINT fk_requirement_program FOREIGN KEY (program) REFERENCES pd_program (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE pd_assignment_rule (
    program               BIGINT      NOT NULL,
    position              INT         NOT NULL,
    obligation            VARCHAR(20) NOT NULL,
    audience              VARCHAR(20) NOT NULL,
    school_level          VARCHAR(20) NOT NULL,
    within_years_of_start INT         NULL,
    PRIMARY KEY (program, position),
    CONSTRAINT fk_rule_program FOREIGN KEY (program) REFERENCES pd_program (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which catalog version a tenant's programs were first made from (imported once, then edited freely).
CREATE TABLE pd_catalog_import (
    tenant_id       BIGINT       NOT NULL,
    catalog_version VARCHAR(40)  NOT NULL,
    imported_at     TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (tenant_id),
    CONSTRAINT fk_catalog_tenant FOREIGN KEY (tenant_id) REFERENCES lti_deployment (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every change to a district's catalog: who, what, when, and the program before and after (catalog JSON).
CREATE TABLE pd_catalog_change (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id    BIGINT       NOT NULL,
    program_code VARCHAR(60)  NOT NULL,
    actor        BIGINT       NOT NULL,
    at           TIMESTAMP(3) NOT NULL,
    action       VARCHAR(20)  NOT NULL,
    before_value MEDIUMTEXT   NULL,
    after_value  MEDIUMTEXT   NULL,
    PRIMARY KEY (id),
    KEY ix_catalog_change (tenant_id, at),
    CONSTRAINT fk_catalog_change_tenant FOREIGN KEY (tenant_id) REFERENCES lti_deployment (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The district's schools, which a person names in their profile: HR's view and principals' counts
-- go per school. An archived school stays on the profiles that name it.
CREATE TABLE pd_school (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id    BIGINT       NOT NULL,
    name         VARCHAR(200) NOT NULL,
    school_level VARCHAR(20)  NOT NULL,
    archived     BOOLEAN      NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_school_name (tenant_id, name),
    CONSTRAINT fk_school_tenant FOREIGN KEY (tenant_id) REFERENCES lti_deployment (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The facts assignment and deadline rules need that the LMS does not send.
CREATE TABLE pd_profile (
    tenant_id       BIGINT       NOT NULL,
    user_ref        BIGINT       NOT NULL,
    audience        VARCHAR(20)  NOT NULL,
    confirmed       BOOLEAN      NOT NULL,
    school_level    VARCHAR(20)  NOT NULL,
    school_id       BIGINT       NULL,
    role_started_on DATE         NULL,
    updated_at      TIMESTAMP(3) NOT NULL,
    updated_by      BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, user_ref),
    CONSTRAINT fk_profile_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_profile_school FOREIGN KEY (school_id) REFERENCES pd_school (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE pd_progress (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  BIGINT       NOT NULL,
    program    BIGINT       NOT NULL,
    user_ref   BIGINT       NOT NULL,
    started_at TIMESTAMP(3) NOT NULL,
    version    INT          NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_progress (program, user_ref),
    KEY ix_progress_user (tenant_id, user_ref),
    CONSTRAINT fk_progress_program FOREIGN KEY (program) REFERENCES pd_program (id) ON DELETE CASCADE,
    CONSTRAINT fk_progress_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE pd_requirement_state (
    progress         BIGINT        NOT NULL,
    requirement_code VARCHAR(60)   NOT NULL,
    best_score       DECIMAL(5, 2) NULL,
    attempts_used    INT           NOT NULL,
    hours            DECIMAL(7, 2) NULL,
    done_on          DATE          NULL,
    evidence         VARCHAR(20)   NOT NULL,
    updated_at       TIMESTAMP(3)  NULL,
    PRIMARY KEY (progress, requirement_code),
    CONSTRAINT fk_state_progress FOREIGN KEY (progress) REFERENCES pd_progress (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE pd_extension (
    progress   BIGINT        NOT NULL,
    position   INT           NOT NULL,
    due_on     DATE          NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    granted_by BIGINT        NOT NULL,
    granted_at TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (progress, position),
    CONSTRAINT fk_extension_progress FOREIGN KEY (progress) REFERENCES pd_progress (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every change to a person's progress: who, what, when, before and after.
CREATE TABLE pd_audit (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id        BIGINT        NOT NULL,
    user_ref         BIGINT        NOT NULL,
    program          BIGINT        NOT NULL,
    requirement_code VARCHAR(60)   NULL,
    actor            BIGINT        NOT NULL,
    at               TIMESTAMP(3)  NOT NULL,
    action           VARCHAR(40)   NOT NULL,
    before_value     VARCHAR(1000) NULL,
    after_value      VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY ix_audit_person (tenant_id, user_ref, at),
    CONSTRAINT fk_audit_program FOREIGN KEY (program) REFERENCES pd_program (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- PD credit earned elsewhere in Coachroom (a completed study group), and the hours requirement the
-- person chose to count it toward (null until they choose).
CREATE TABLE pd_credit (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id              BIGINT        NOT NULL,
    user_ref               BIGINT        NOT NULL,
    source                 VARCHAR(20)   NOT NULL,
    source_id              BIGINT        NOT NULL,
    title                  VARCHAR(300)  NOT NULL,
    hours                  DECIMAL(7, 2) NOT NULL,
    hours_unit             VARCHAR(40)   NOT NULL,
    earned_on              DATE          NOT NULL,
    applied_program        BIGINT        NULL,
    applied_requirement    VARCHAR(60)   NULL,
    applied_at             TIMESTAMP(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_credit (tenant_id, user_ref, source, source_id),
    CONSTRAINT fk_credit_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_credit_program FOREIGN KEY (applied_program) REFERENCES pd_program (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Evidence a person uploads for a requirement (a certificate, a transcript), and its review. The
-- latest upload for a requirement is the one that counts; a returned one stays, with the comment.
CREATE TABLE pd_evidence (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id        BIGINT        NOT NULL,
    user_ref         BIGINT        NOT NULL,
    program          BIGINT        NOT NULL,
    requirement_code VARCHAR(60)   NOT NULL,
    file_name        VARCHAR(255)  NOT NULL,
    media_type       VARCHAR(100)  NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    sha256           CHAR(64)      NOT NULL,
    content          LONGBLOB      NOT NULL,
    uploaded_at      TIMESTAMP(3)  NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    reviewed_by      BIGINT        NULL,
    reviewed_at      TIMESTAMP(3)  NULL,
    review_comment   VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY ix_evidence_person (tenant_id, user_ref, program, requirement_code),
    KEY ix_evidence_state (tenant_id, state),
    CONSTRAINT fk_evidence_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_evidence_program FOREIGN KEY (program) REFERENCES pd_program (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each person's standing in each program that applies to them (or that they recorded progress in),
-- kept current on every change, so HR's compliance view filters and sorts a whole district in SQL.
-- Overdue and due soon follow from due_on and the day the view is read.
CREATE TABLE pd_standing (
    tenant_id    BIGINT       NOT NULL,
    program      BIGINT       NOT NULL,
    user_ref     BIGINT       NOT NULL,
    person_name  VARCHAR(300) NOT NULL,
    audience     VARCHAR(20)  NOT NULL,
    school_level VARCHAR(20)  NOT NULL,
    school_id    BIGINT       NOT NULL,
    obligation   VARCHAR(20)  NULL,
    complete     BOOLEAN      NOT NULL,
    started      BOOLEAN      NOT NULL,
    due_on       DATE         NULL,
    met          INT          NOT NULL,
    total        INT          NOT NULL,
    updated_at   TIMESTAMP(3) NOT NULL,
    -- the due date with "no deadline" last, so every standing is a range of it and sorting by it uses an index
    due_sort     DATE GENERATED ALWAYS AS (COALESCE(due_on, DATE '9999-12-31')) STORED,
    PRIMARY KEY (program, user_ref),
    KEY ix_standing_name (tenant_id, person_name, user_ref, program),
    KEY ix_standing_due (tenant_id, due_sort, person_name, user_ref, program),
    KEY ix_standing_program (tenant_id, program, due_sort),
    KEY ix_standing_user (tenant_id, user_ref),
    -- a school's counts read here (0: no school named), a few thousand entries at most
    KEY ix_standing_school (tenant_id, school_id, program, complete, started, due_sort),
    CONSTRAINT fk_standing_program FOREIGN KEY (program) REFERENCES pd_program (id) ON DELETE CASCADE,
    CONSTRAINT fk_standing_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The words of each person's name, so HR's search finds "ng" in Mei Ng and "gar" in Ana García by a
-- word's start through an index (the collation ignores case and accents).
CREATE TABLE pd_name_word (
    tenant_id BIGINT       NOT NULL,
    word      VARCHAR(100) NOT NULL,
    user_ref  BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, word, user_ref),
    KEY ix_name_word_user (tenant_id, user_ref),
    CONSTRAINT fk_name_word_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How many standings share a program, school level, completeness, start and due date: HR's and
-- principals' counts read these few rows instead of the district's every standing. Kept by Standings
-- in the transaction that changes pd_standing.
CREATE TABLE pd_standing_tally (
    tenant_id    BIGINT      NOT NULL,
    program      BIGINT      NOT NULL,
    school_level VARCHAR(20) NOT NULL,
    complete     BOOLEAN     NOT NULL,
    started      BOOLEAN     NOT NULL,
    due_sort     DATE        NOT NULL,
    people       INT         NOT NULL,
    PRIMARY KEY (tenant_id, program, school_level, complete, started, due_sort),
    CONSTRAINT fk_tally_program FOREIGN KEY (program) REFERENCES pd_program (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One weekly reminder run per district and week, whichever node starts it first.
CREATE TABLE pd_reminder_run (
    tenant_id  BIGINT       NOT NULL,
    week       CHAR(8)      NOT NULL,
    started_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (tenant_id, week),
    CONSTRAINT fk_reminder_run_tenant FOREIGN KEY (tenant_id) REFERENCES lti_deployment (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every reminder sent, as sent: the person sees theirs.
CREATE TABLE pd_reminder (
    id        BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id BIGINT        NOT NULL,
    user_ref  BIGINT        NOT NULL,
    week      CHAR(8)       NOT NULL,
    sent_to   VARCHAR(320)  NOT NULL,
    subject   VARCHAR(300)  NOT NULL,
    body      TEXT          NOT NULL,
    sent_at   TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_reminder (tenant_id, user_ref, week, subject),
    CONSTRAINT fk_reminder_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A program, or one requirement of it, as something placed in LMS courses: a link with its own
-- gradebook column. requirement_code is '' for the whole program.
CREATE TABLE pd_course_item (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    tenant_id        BIGINT      NOT NULL,
    program          BIGINT      NOT NULL,
    requirement_code VARCHAR(60) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_course_item (program, requirement_code),
    KEY ix_course_item_tenant (tenant_id),
    CONSTRAINT fk_course_item_program FOREIGN KEY (program) REFERENCES pd_program (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Where an item is placed: the LMS link whose launch opened it, its course, and the line item the
-- launch named, so completions reach that column.
CREATE TABLE pd_placement (
    course_item      BIGINT        NOT NULL,
    resource_link_id VARCHAR(255)  NOT NULL COLLATE utf8mb4_bin,
    context_ref      BIGINT        NOT NULL,
    line_item_url    VARCHAR(2000) NULL,
    line_items_url   VARCHAR(2000) NULL,
    first_launch_at  TIMESTAMP(3)  NOT NULL,
    last_launch_at   TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (course_item, resource_link_id),
    CONSTRAINT fk_placement_item FOREIGN KEY (course_item) REFERENCES pd_course_item (id) ON DELETE CASCADE,
    CONSTRAINT fk_placement_context FOREIGN KEY (context_ref) REFERENCES lti_context (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Whether each person has completed each placed item, as last sent on: a change publishes a
-- completion (or its withdrawal) for the gradebook, and only a change does.
CREATE TABLE pd_item_completion (
    course_item BIGINT       NOT NULL,
    user_ref    BIGINT       NOT NULL,
    completed   BOOLEAN      NOT NULL,
    changed_at  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (course_item, user_ref),
    KEY ix_item_completion_user (user_ref),
    CONSTRAINT fk_item_completion_item FOREIGN KEY (course_item) REFERENCES pd_course_item (id) ON DELETE CASCADE,
    CONSTRAINT fk_item_completion_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The mentor HR assigns a person in a program that has one (induction): who, by whom, when.
CREATE TABLE pd_mentor (
    program     BIGINT       NOT NULL,
    user_ref    BIGINT       NOT NULL,
    tenant_id   BIGINT       NOT NULL,
    mentor_ref  BIGINT       NOT NULL,
    assigned_by BIGINT       NOT NULL,
    assigned_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (program, user_ref),
    KEY ix_mentor_mentor (tenant_id, mentor_ref),
    CONSTRAINT fk_mentor_program FOREIGN KEY (program) REFERENCES pd_program (id) ON DELETE CASCADE,
    CONSTRAINT fk_mentor_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_mentor_mentor FOREIGN KEY (mentor_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
