-- Recommended (optional) PD has no deadline to miss: it is never overdue or due soon. Standings written
-- before kept the program's due date on recommended programs (and on those a person recorded without
-- being assigned them); drop it, and rebuild HR's tallies from the standings they count.
UPDATE pd_standing SET due_on = NULL WHERE obligation IS NULL OR obligation <> 'REQUIRED';

DELETE FROM pd_standing_tally;

INSERT INTO pd_standing_tally (tenant_id, program, school_level, complete, started, due_sort, people)
SELECT tenant_id, program, school_level, complete, started, due_sort, COUNT(*)
FROM pd_standing
GROUP BY tenant_id, program, school_level, complete, started, due_sort;
