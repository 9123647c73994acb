-- Jalons schema v27: when each case was open, and the days a report's flows are read by.
--
-- A period report counts a case that was open for at least one day of the period. It read
-- the case's current stage and its last move, so a case closed in 2023 and reopened in 2026
-- counted in the 2024 and 2025 reports. A case is open from its request, or from a
-- reopening, until its next finishing move (closing, referral, not eligible, abandon), the
-- day of that move included. The timeline stays the record: the view below is the one
-- definition of the spans, and the triggers keep the table equal to it, whoever writes.
CREATE VIEW case_spans_source AS
SELECT e.case_id AS case_id, e.on_date AS opened_on,
       (SELECT min(f.on_date) FROM case_events f
        WHERE f.case_id = e.case_id
          AND f.to_stage IN ('closed', 'referred', 'not_eligible', 'abandoned')
          AND (f.on_date, f.recorded_at, f.id) > (e.on_date, e.recorded_at, e.id)) AS closed_on
FROM case_events e
WHERE (e.from_stage IS NULL OR e.from_stage IN ('closed', 'referred', 'not_eligible', 'abandoned'))
  AND e.to_stage NOT IN ('closed', 'referred', 'not_eligible', 'abandoned');

CREATE TABLE case_spans (
    case_id   TEXT NOT NULL REFERENCES cases (id),
    opened_on TEXT NOT NULL,
    -- None while the case is open.
    closed_on TEXT
) STRICT;
CREATE INDEX case_spans_case ON case_spans (case_id);
-- A period's cases: the spans still open, and those closed on or after its first day.
CREATE INDEX case_spans_closed ON case_spans (closed_on, opened_on, case_id);

INSERT INTO case_spans (case_id, opened_on, closed_on)
SELECT case_id, opened_on, closed_on FROM case_spans_source;

CREATE TRIGGER case_spans_on_insert AFTER INSERT ON case_events BEGIN
    DELETE FROM case_spans WHERE case_id = new.case_id;
    INSERT INTO case_spans (case_id, opened_on, closed_on)
    SELECT case_id, opened_on, closed_on FROM case_spans_source WHERE case_id = new.case_id;
END;
CREATE TRIGGER case_spans_on_update AFTER UPDATE OF case_id, from_stage, to_stage, on_date, recorded_at ON case_events BEGIN
    DELETE FROM case_spans WHERE case_id IN (old.case_id, new.case_id);
    INSERT INTO case_spans (case_id, opened_on, closed_on)
    SELECT case_id, opened_on, closed_on FROM case_spans_source WHERE case_id IN (old.case_id, new.case_id);
END;
CREATE TRIGGER case_spans_on_delete AFTER DELETE ON case_events BEGIN
    DELETE FROM case_spans WHERE case_id = old.case_id;
    INSERT INTO case_spans (case_id, opened_on, closed_on)
    SELECT case_id, opened_on, closed_on FROM case_spans_source WHERE case_id = old.case_id;
END;

-- What happened in a period is read from the day it happened: a diagnostic validated, an
-- ingénierie whose consultant was chosen, delivered or cancelled, an application submitted
-- or decided, a follow-up made. Only the rows that have the day are indexed: the lists
-- that look for the ones without it read their own indexes.
CREATE INDEX diagnostics_validated ON diagnostics (validated_on) WHERE validated_on IS NOT NULL;
CREATE INDEX follow_ups_done ON follow_ups (done_on);
CREATE INDEX engagements_decided ON engagements (decision_date) WHERE decision_date IS NOT NULL;
CREATE INDEX engagements_delivered ON engagements (final_report_date) WHERE final_report_date IS NOT NULL;
CREATE INDEX engagements_cancelled ON engagements (cancelled_on) WHERE cancelled_on IS NOT NULL;
CREATE INDEX finance_submitted ON finance_applications (submitted_on) WHERE submitted_on IS NOT NULL;
CREATE INDEX finance_decided ON finance_applications (decision_date) WHERE decision_date IS NOT NULL;
