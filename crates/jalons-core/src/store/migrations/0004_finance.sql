-- Jalons schema v4: applications to solidarity finance, recorded from a case.

CREATE TABLE finance_applications (
    id               TEXT PRIMARY KEY,
    case_id          TEXT NOT NULL REFERENCES cases (id),
    tool             TEXT NOT NULL,
    body             TEXT,
    amount_requested INTEGER NOT NULL,
    amount_obtained  INTEGER,
    submitted_on     TEXT,
    decision_date    TEXT,
    status           TEXT NOT NULL,
    note             TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX finance_applications_case ON finance_applications (case_id);
