-- Jalons schema v7: training and skills: a structure's OPCO and its training plan.

CREATE TABLE training_plans (
    structure_id TEXT PRIMARY KEY REFERENCES structures (id),
    opco         TEXT
) STRICT;

CREATE TABLE training_actions (
    id                TEXT PRIMARY KEY,
    structure_id      TEXT NOT NULL REFERENCES structures (id),
    title             TEXT NOT NULL,
    people            INTEGER,
    -- Hours in hundredths.
    hours             INTEGER,
    cost              INTEGER,
    funding_requested INTEGER,
    funding_obtained  INTEGER,
    start_on          TEXT,
    end_on            TEXT,
    status            TEXT NOT NULL,
    note              TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX training_actions_structure ON training_actions (structure_id, start_on);
