-- How long a team meeting lasts, when the team says: a coach's facilitated meetings count as coaching time.
ALTER TABLE team_meeting ADD COLUMN minutes INT NULL;
