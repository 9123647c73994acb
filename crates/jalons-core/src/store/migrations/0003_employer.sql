-- Jalons schema v3: the employer obligations checklist of each structure.

CREATE TABLE employer_obligations (
    id            TEXT PRIMARY KEY,
    structure_id  TEXT NOT NULL REFERENCES structures (id),
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    -- The name of a custom obligation.
    label         TEXT,
    status        TEXT NOT NULL,
    last_done     TEXT,
    period_months INTEGER,
    -- A due date typed by the user, which wins over the computed one.
    due_override  TEXT,
    -- The due date in force (the override, or last done + period), stored so that lists
    -- can filter on it.
    next_due      TEXT,
    note          TEXT
) STRICT;
CREATE INDEX employer_obligations_structure ON employer_obligations (structure_id, position);
