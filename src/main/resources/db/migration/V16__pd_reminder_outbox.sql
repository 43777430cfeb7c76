-- Without an SMTP server reminders are kept, not sent (delivered false), so the district admin can read
-- what would have gone out; programs names what each reminder is about, newest first per district.
ALTER TABLE pd_reminder
    ADD COLUMN delivered BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD COLUMN programs  VARCHAR(1000) NOT NULL DEFAULT '',
    ADD KEY ix_reminder_tenant_sent (tenant_id, sent_at);
