-- Jalons schema v12: what exported documents need. The operator's identity (one row) and
-- the funder lines that pay for cases and ingénieries; an ingénierie's funder, typed as
-- free text until now, becomes one of these lines.

CREATE TABLE operator (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    name       TEXT NOT NULL,
    area       TEXT,
    address    TEXT,
    signatory  TEXT,
    -- The logo as chosen, kept in the database so it travels with it.
    logo       BLOB,
    logo_type  TEXT,
    updated_at TEXT NOT NULL
) STRICT;

-- A funder line: a funder and the programme or convention that pays, over a period.
CREATE TABLE funders (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    programme    TEXT,
    period_start TEXT,
    period_end   TEXT,
    archived_at  TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE case_funders (
    case_id   TEXT NOT NULL REFERENCES cases (id),
    funder_id TEXT NOT NULL REFERENCES funders (id),
    PRIMARY KEY (case_id, funder_id)
) STRICT;
CREATE INDEX case_funders_funder ON case_funders (funder_id);

ALTER TABLE engagements ADD COLUMN funder_id TEXT REFERENCES funders (id);
CREATE INDEX engagements_funder ON engagements (funder_id);

-- Each distinct funder typed so far becomes a line of its own. The ids are UUID v7 built
-- from the current time, like the ones the app makes.
INSERT INTO funders (id, name, created_at, updated_at)
SELECT lower(
           substr(ts, 1, 8) || '-' || substr(ts, 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-'
           || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-'
           || hex(randomblob(6))
       ),
       funder, now, now
FROM (
    SELECT printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS ts,
           strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now') AS now, funder
    FROM engagements WHERE funder IS NOT NULL GROUP BY funder
);
UPDATE engagements SET funder_id = (SELECT f.id FROM funders f WHERE f.name = engagements.funder)
WHERE funder IS NOT NULL;
ALTER TABLE engagements DROP COLUMN funder;
