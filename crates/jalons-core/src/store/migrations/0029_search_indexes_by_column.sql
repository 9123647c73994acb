-- Jalons schema v29: both full-text indexes keep which column a word is in, not its place
-- in the text (`detail = column`), and a diagnostic's domain without a finding is no
-- longer indexed. A search never asks for words side by side (each typed word is matched
-- alone, `search::fts_query`), and highlight() and snippet() find the words again by
-- reading the text. Measured on the bench's database (20,000 structures, 40,000 cases,
-- 400,000 journal entries), the journal's index weighs 65 MiB instead of 112, with the
-- same searches in the same time (6 to 10 ms); the records' index 30 MiB instead of 74,
-- 421,663 of its 584,063 rows having been empty findings.

CREATE TEMP TABLE search_rows AS
SELECT rowid AS row_id, kind, record_id, extra, title, body FROM search_index
WHERE NOT (kind = 'finding' AND body = '');

DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5(
    kind, record_id UNINDEXED, extra UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4',
    detail = column
);
-- An erased person's words leave the index at once (migration 0018).
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);
INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
SELECT row_id, kind, record_id, extra, title, body FROM search_rows;
DROP TABLE search_rows;

DROP TRIGGER search_diagnostic_scores_ai;
DROP TRIGGER search_diagnostic_scores_au;
CREATE TRIGGER search_diagnostic_scores_ai AFTER INSERT ON diagnostic_scores
WHEN coalesce(new.finding, '') <> '' BEGIN
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 6, 'finding', new.case_id, new.domain, '', new.finding);
END;
CREATE TRIGGER search_diagnostic_scores_au AFTER UPDATE ON diagnostic_scores BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 6;
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    SELECT new.rowid * 16 + 6, 'finding', new.case_id, new.domain, '', new.finding
    WHERE coalesce(new.finding, '') <> '';
END;

DROP TABLE journal_index;
CREATE VIRTUAL TABLE journal_index USING fts5(
    record_id UNINDEXED, title, body,
    content = 'journal_index_source', content_rowid = 'entry_rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2',
    detail = column
);
INSERT INTO journal_index (journal_index, rank) VALUES ('secure-delete', 1);
INSERT INTO journal_index (journal_index) VALUES ('rebuild');
