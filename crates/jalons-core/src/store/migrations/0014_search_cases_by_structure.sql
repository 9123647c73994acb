-- Jalons schema v14: a case is found by its structure's name (« buissonniers » finds the
-- case of Les Arts Buissonniers), and follows the structure when it is renamed.
DROP TRIGGER search_cases_ai;
DROP TRIGGER search_cases_au;
CREATE TRIGGER search_cases_ai AFTER INSERT ON cases BEGIN
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 3, 'case', new.id, '', new.reference,
            concat_ws(' ', (SELECT name FROM structures WHERE id = new.structure_id), new.requester, new.request_text));
END;
CREATE TRIGGER search_cases_au AFTER UPDATE ON cases BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 3;
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 3, 'case', new.id, '', new.reference,
            concat_ws(' ', (SELECT name FROM structures WHERE id = new.structure_id), new.requester, new.request_text));
END;
CREATE TRIGGER search_cases_structure_renamed AFTER UPDATE OF name ON structures
WHEN new.name IS NOT old.name BEGIN
    UPDATE cases SET reference = reference WHERE structure_id = new.id;
END;
UPDATE cases SET reference = reference;
