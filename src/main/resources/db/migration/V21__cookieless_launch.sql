-- Launches in browsers that refuse Coachroom's cookie inside the LMS's frame.
-- How a login's state is bound to the browser that started it: COOKIE (the browser cookie, as before),
-- STORAGE (the platform's postMessage storage, lti_storage_target), CLIENT (the browser refused the cookie
-- and the platform offers no storage: bound to the address and browser it came from only).
ALTER TABLE lti_login_state
    ADD COLUMN binding        VARCHAR(16)  NOT NULL DEFAULT 'COOKIE',
    ADD COLUMN client_hash    CHAR(43)     NULL COLLATE utf8mb4_bin,
    ADD COLUMN storage_target VARCHAR(200) NULL,
    -- the login initiation again, for "open in a new window" when a cookie-less launch cannot finish in the frame
    ADD COLUMN login_query    TEXT         NULL;

-- A session a launch opened without a cookie: only its URL tokens sign requests in.
ALTER TABLE lti_session
    ADD COLUMN cookieless BOOLEAN NOT NULL DEFAULT FALSE;

-- Short-lived tokens that carry a cookie-less session on each link and form of the frame (hashes only).
-- Each is replaced after a while; the one replaced stays valid for a short grace (a page still loading).
CREATE TABLE lti_url_token (
    token_hash   CHAR(43)     NOT NULL COLLATE utf8mb4_bin,
    session_hash CHAR(43)     NOT NULL COLLATE utf8mb4_bin,
    -- the address and browser of the launch: a token copied elsewhere opens nothing
    client_hash  CHAR(43)     NOT NULL COLLATE utf8mb4_bin,
    created_at   TIMESTAMP(3) NOT NULL,
    expires_at   TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (token_hash),
    KEY ix_url_token_session (session_hash),
    KEY ix_url_token_expires (expires_at),
    CONSTRAINT fk_url_token_session FOREIGN KEY (session_hash) REFERENCES lti_session (token_hash) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
