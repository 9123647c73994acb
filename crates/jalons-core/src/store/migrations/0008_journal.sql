-- Jalons schema v8: the journal of meetings, calls, visits and notes, on a structure and
-- optionally on one of its cases.

CREATE TABLE journal_entries (
    id           TEXT PRIMARY KEY,
    structure_id TEXT NOT NULL REFERENCES structures (id),
    case_id      TEXT REFERENCES cases (id),
    kind         TEXT NOT NULL,
    occurred_on  TEXT NOT NULL,
    -- Minutes.
    duration     INTEGER,
    -- JSON array of the names of the people present.
    people       TEXT NOT NULL DEFAULT '[]',
    place        TEXT,
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX journal_entries_structure ON journal_entries (structure_id, occurred_on);
CREATE INDEX journal_entries_case ON journal_entries (case_id, occurred_on);
