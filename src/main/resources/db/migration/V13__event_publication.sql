-- Spring Modulith 2.1 queries its event publication registry as EVENT_PUBLICATION (upper case, no
-- setting for the name). On a server that compares table names case-sensitively
-- (lower_case_table_names = 0, the default on Linux) the table must carry that very name; where names
-- are stored or compared in lower case (1 on Windows, 2 on macOS) the lower-case table V2 made is
-- already found under it, and renaming would only collide with itself.
SET @coachroom_event_table = IF(@@lower_case_table_names = 0,
    'RENAME TABLE event_publication TO EVENT_PUBLICATION', 'DO 0');
PREPARE coachroom_event_table FROM @coachroom_event_table;
EXECUTE coachroom_event_table;
DEALLOCATE PREPARE coachroom_event_table;
