-- Jalons schema v21: the journal's full-text index no longer keeps its own copy of the
-- text, and indexes two-letter prefixes only. At 400,000 entries the copy weighed 112 MiB
-- and the prefixes of 2, 3 and 4 letters 220 MiB; the index is now read against the
-- entries themselves through `journal_index_source`, the one definition of what is
-- indexed, and weighs about half. Measured on the bench's journal (make bench): every
-- search of one to three words stays under 10 ms with the two-letter prefixes alone, which
-- spare the slowest case (a first word of two letters, matching thousands of words).

DROP TRIGGER search_journal_entries_ai;
DROP TRIGGER search_journal_entries_au;
DROP TRIGGER search_journal_entries_ad;
DROP TABLE journal_index;

-- The people present are read from their JSON array by text replacement: FTS5 reads the
-- view as `main.journal_index_source`, where a table-valued function such as json_each is
-- looked for as a table of `main` and not found. `["Lucie Roche","Jean Morel"]` gives
-- `Lucie Roche, Jean Morel` (a quote or backslash inside a name is unescaped).
CREATE VIEW journal_index_source AS
SELECT rowid AS entry_rowid,
       id AS record_id,
       coalesce(place, '') AS title,
       concat_ws(' ', body, CASE WHEN length(people) > 4 THEN
           replace(replace(replace(substr(people, 3, length(people) - 4), '","', ', '), '\"', '"'), '\\', '\')
       END) AS body
FROM journal_entries;

CREATE VIRTUAL TABLE journal_index USING fts5(
    record_id UNINDEXED, title, body,
    content = 'journal_index_source', content_rowid = 'entry_rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2'
);
-- A deleted entry's words leave the index at once, not at the next merge.
INSERT INTO journal_index (journal_index, rank) VALUES ('secure-delete', 1);

-- An external-content index must be told the old text to forget it: it is read from the
-- view before the entry changes or goes, and the new text after it is written.
CREATE TRIGGER search_journal_entries_ai AFTER INSERT ON journal_entries BEGIN
    INSERT INTO journal_index (rowid, record_id, title, body)
    SELECT entry_rowid, record_id, title, body FROM journal_index_source WHERE entry_rowid = new.rowid;
END;
CREATE TRIGGER search_journal_entries_bu BEFORE UPDATE ON journal_entries BEGIN
    INSERT INTO journal_index (journal_index, rowid, record_id, title, body)
    SELECT 'delete', entry_rowid, record_id, title, body FROM journal_index_source WHERE entry_rowid = old.rowid;
END;
CREATE TRIGGER search_journal_entries_au AFTER UPDATE ON journal_entries BEGIN
    INSERT INTO journal_index (rowid, record_id, title, body)
    SELECT entry_rowid, record_id, title, body FROM journal_index_source WHERE entry_rowid = new.rowid;
END;
CREATE TRIGGER search_journal_entries_bd BEFORE DELETE ON journal_entries BEGIN
    INSERT INTO journal_index (journal_index, rowid, record_id, title, body)
    SELECT 'delete', entry_rowid, record_id, title, body FROM journal_index_source WHERE entry_rowid = old.rowid;
END;

INSERT INTO journal_index (journal_index) VALUES ('rebuild');
