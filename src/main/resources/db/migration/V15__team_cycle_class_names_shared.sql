-- Class names are usually teachers' names: a summary shared with the principal letters the classes
-- (Class A, B, C) unless the team chose, when sharing, to show its class names.
ALTER TABLE team_cycle ADD COLUMN class_names_shared BOOLEAN NOT NULL DEFAULT FALSE;
