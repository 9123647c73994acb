-- Measured on a large DLA's ten years (40,000 cases, 60,000 ingénieries): the lists read
-- their first page along an index instead of reading and sorting the whole table.
-- The ingénieries newest first: all of them, and the open ones apart (the list's default),
-- whose count is read from the partial index alone (hence the two dates in it, which
-- SQLite checks again).
CREATE INDEX engagements_by_created ON engagements (created_at, id);
CREATE INDEX engagements_open_by_created ON engagements (created_at, id, cancelled_on, final_report_date)
    WHERE cancelled_on IS NULL AND final_report_date IS NULL;
-- The day a case entered its stage, read from the index alone.
CREATE INDEX case_events_case_day ON case_events (case_id, on_date);
-- The ingénieries of each consultant not cancelled, counted on the consultants list from
-- the index alone.
CREATE INDEX engagements_consultant ON engagements (consultant_id, cancelled_on);
