-- Jalons schema v26: how many domains of a diagnostic are scored, kept on the diagnostic.
-- The cases list counts the diagnostics awaiting only their validation; it counted each
-- one's scores, reading eleven rows per case at the diagnostic stage (a tenth of a second
-- for 1,667 of them at the bench's scale). The scores stay the record; the triggers keep
-- the column equal to what they say, whatever writes.
ALTER TABLE diagnostics ADD COLUMN scored_domains INTEGER NOT NULL DEFAULT 0;
UPDATE diagnostics SET scored_domains =
    (SELECT COUNT(*) FROM diagnostic_scores s WHERE s.case_id = diagnostics.case_id AND s.score IS NOT NULL);

CREATE TRIGGER diagnostics_scored_on_insert AFTER INSERT ON diagnostic_scores BEGIN
    UPDATE diagnostics SET scored_domains =
        (SELECT COUNT(*) FROM diagnostic_scores s WHERE s.case_id = diagnostics.case_id AND s.score IS NOT NULL)
    WHERE case_id = new.case_id;
END;
CREATE TRIGGER diagnostics_scored_on_update AFTER UPDATE OF case_id, score ON diagnostic_scores BEGIN
    UPDATE diagnostics SET scored_domains =
        (SELECT COUNT(*) FROM diagnostic_scores s WHERE s.case_id = diagnostics.case_id AND s.score IS NOT NULL)
    WHERE case_id IN (old.case_id, new.case_id);
END;
CREATE TRIGGER diagnostics_scored_on_delete AFTER DELETE ON diagnostic_scores BEGIN
    UPDATE diagnostics SET scored_domains =
        (SELECT COUNT(*) FROM diagnostic_scores s WHERE s.case_id = diagnostics.case_id AND s.score IS NOT NULL)
    WHERE case_id = old.case_id;
END;

-- A diagnostic is indexed for search again only when what the index holds of it changes,
-- not when its count above does.
DROP TRIGGER search_diagnostics_au;
CREATE TRIGGER search_diagnostics_au AFTER UPDATE OF case_id, problem_statement, recommendations ON diagnostics BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 5;
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 5, 'diagnostic', new.case_id, '', '', concat_ws(' ', new.problem_statement, new.recommendations));
END;
