-- The roles the course roster (NRPS, enrolled people only) last gave a member. A site
-- administrator's launch cannot tell whether they are enrolled (Moodle gives them
-- Instructor everywhere, and the tool sets it aside): their launch adds these.
ALTER TABLE lti_context_member ADD COLUMN roster_roles VARCHAR(200) NULL;
