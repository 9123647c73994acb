-- Jalons schema v34: « Aujourd'hui » reads what is due from indexes alone, and the rows of
-- the items it shows only (tasks::agenda). At the bench's scale (40,000 cases, 5,000 open,
-- 61,667 ingénieries) it read the rows of every open case, its structure and its diagnostic,
-- and of every ingénierie not cancelled: 46 ms on a connection that had not read them yet
-- and 14 once it had; now 11 and 9.

-- The open cases' ids (the stages of `Stage::open_sql_list`, in its order: a query names
-- them so to read this index), and the day their diagnostic was validated: the follow-ups
-- due are read from these two indexes.
CREATE INDEX cases_open ON cases (id, stage) WHERE stage IN ('intake', 'diagnostic', 'plan', 'engineering', 'follow_up');
CREATE INDEX diagnostics_validated_by_case ON diagnostics (case_id, validated_on) WHERE validated_on IS NOT NULL;

-- The ingénieries restituted whose final report is still awaited.
CREATE INDEX engagements_awaiting_report ON engagements (restitution_date)
WHERE restitution_date IS NOT NULL AND final_report_date IS NULL AND cancelled_on IS NULL;

-- The employer obligations that apply, by the day they are due.
CREATE INDEX employer_obligations_due ON employer_obligations (next_due) WHERE status <> 'not_applicable';
