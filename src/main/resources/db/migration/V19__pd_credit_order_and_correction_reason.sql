-- A study group's completion and its withdrawal reach PD as events in no guaranteed order. A credit
-- keeps when its latest completion and its latest withdrawal happened, so the later fact wins
-- whichever arrives first: a withdrawal handled first leaves a withdrawn row (a tombstone) that an
-- older completion arriving after it does not revive; a newer completion does.
ALTER TABLE pd_credit
    ADD COLUMN completed_at TIMESTAMP(3) NULL,
    ADD COLUMN withdrawn_at TIMESTAMP(3) NULL;

-- credit earned before this: its completion was on the day it was earned
UPDATE pd_credit SET completed_at = TIMESTAMP(earned_on) WHERE completed_at IS NULL;

-- HR corrects an entry once it is verified, and says why: the person sees the reason with the change.
ALTER TABLE pd_audit ADD COLUMN reason VARCHAR(500) NULL;
