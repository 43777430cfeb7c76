-- Coaching by school: which of the district's schools (pd_school, by id) a coach serves, the school
-- each contact counts for, the school a principal looks at, the school goals the principal and the
-- coach agree, and what the coach needs from the principal. Only counts of contacts leave coaching.

-- The schools a coach serves, as they named them on their log.
CREATE TABLE coaching_coach_school (
    tenant_id  BIGINT       NOT NULL,
    coach_ref  BIGINT       NOT NULL,
    school_ref BIGINT       NOT NULL,
    named_at   TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (tenant_id, coach_ref, school_ref),
    KEY ix_coaching_coach_school_school (tenant_id, school_ref),
    CONSTRAINT fk_coaching_coach_school_coach FOREIGN KEY (coach_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The school a contact counts for; contacts logged before a coach named a school count for none.
ALTER TABLE coaching_contact ADD COLUMN school_ref BIGINT NULL AFTER cycle_id,
    ADD KEY ix_coaching_contact_school (tenant_id, school_ref, held_on);

-- The school a principal chose for their monthly view, remembered for the next time.
CREATE TABLE coaching_principal_school (
    user_ref   BIGINT       NOT NULL,
    tenant_id  BIGINT       NOT NULL,
    school_ref BIGINT       NOT NULL,
    chosen_at  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (user_ref, tenant_id),
    CONSTRAINT fk_coaching_principal_school_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A school goal agreed between the principal and the coach: a short list both edit.
CREATE TABLE coaching_school_goal (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  BIGINT       NOT NULL,
    school_ref BIGINT       NOT NULL,
    text       VARCHAR(300) NOT NULL,
    written_by BIGINT       NULL,
    created_at TIMESTAMP(3) NOT NULL,
    updated_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_coaching_school_goal_school (tenant_id, school_ref, id),
    CONSTRAINT fk_coaching_school_goal_writer FOREIGN KEY (written_by) REFERENCES lti_user (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What a coach needs from the school, in their words, for the principal's monthly view.
CREATE TABLE coaching_school_need (
    tenant_id  BIGINT        NOT NULL,
    school_ref BIGINT        NOT NULL,
    coach_ref  BIGINT        NOT NULL,
    text       VARCHAR(2000) NOT NULL,
    updated_at TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (tenant_id, school_ref, coach_ref),
    CONSTRAINT fk_coaching_school_need_coach FOREIGN KEY (coach_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
