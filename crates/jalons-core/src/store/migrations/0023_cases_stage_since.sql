-- Jalons schema v23: the day a case reached its current stage, kept on the case. It was
-- read from the timeline for each case (the latest move to its stage), which made the
-- finished cases due for purge a walk through every finished case (35,000 at a large DLA's
-- ten years); with the column and its index they are a range of the index. The timeline
-- stays the record; the triggers keep the column equal to what it says, whatever writes.
ALTER TABLE cases ADD COLUMN stage_since TEXT;
UPDATE cases SET stage_since =
    (SELECT max(e.on_date) FROM case_events e WHERE e.case_id = cases.id AND e.to_stage = cases.stage);

CREATE TRIGGER cases_stage_since_on_event AFTER INSERT ON case_events BEGIN
    UPDATE cases SET stage_since =
        (SELECT max(e.on_date) FROM case_events e WHERE e.case_id = cases.id AND e.to_stage = cases.stage)
    WHERE id = new.case_id;
END;
CREATE TRIGGER cases_stage_since_on_move AFTER UPDATE OF stage ON cases BEGIN
    UPDATE cases SET stage_since =
        (SELECT max(e.on_date) FROM case_events e WHERE e.case_id = cases.id AND e.to_stage = cases.stage)
    WHERE id = new.id;
END;

CREATE INDEX cases_stage_since ON cases (stage, stage_since);

-- A case is indexed for search again only when what the index holds of it changes, not at
-- every move of its stage (or of the day above).
DROP TRIGGER search_cases_au;
CREATE TRIGGER search_cases_au AFTER UPDATE OF reference, structure_id, requester, request_text ON cases BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 3;
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 3, 'case', new.id, '', new.reference,
            concat_ws(' ', (SELECT name FROM structures WHERE id = new.structure_id), new.requester, new.request_text));
END;
