-- The school a principal last looked at on the PLC teams page (/team/school): the page opens on it
-- next time, rather than asking again; another one can still be chosen.
CREATE TABLE team_principal_school (
    user_ref   BIGINT       NOT NULL,
    tenant_id  BIGINT       NOT NULL,
    school_ref BIGINT       NOT NULL,
    chosen_at  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (user_ref, tenant_id),
    CONSTRAINT fk_team_principal_school_user FOREIGN KEY (user_ref) REFERENCES lti_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
