-- Jalons schema v10: tasks with a due date, on a structure and optionally one of its cases.

CREATE TABLE tasks (
    id           TEXT PRIMARY KEY,
    structure_id TEXT NOT NULL REFERENCES structures (id),
    case_id      TEXT REFERENCES cases (id),
    title        TEXT NOT NULL,
    due_on       TEXT NOT NULL,
    done_on      TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX tasks_due ON tasks (done_on, due_on);
CREATE INDEX tasks_structure ON tasks (structure_id);
CREATE INDEX tasks_case ON tasks (case_id);
