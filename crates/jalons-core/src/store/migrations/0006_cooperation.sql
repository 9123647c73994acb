-- Jalons schema v6: cooperation projects (lieux partagés, PTCE, SCIC, groupements
-- d'employeurs, mergers, pooling) linking several structures.

CREATE TABLE cooperation_projects (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    search_name TEXT NOT NULL,
    kind        TEXT NOT NULL,
    stage       TEXT NOT NULL,
    started_on  TEXT,
    territory   TEXT,
    notes       TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE cooperation_members (
    project_id   TEXT NOT NULL REFERENCES cooperation_projects (id),
    structure_id TEXT NOT NULL REFERENCES structures (id),
    position     INTEGER NOT NULL,
    -- Porteur, membre fondateur, futur associé…
    role         TEXT,
    PRIMARY KEY (project_id, structure_id)
) STRICT;
CREATE INDEX cooperation_members_structure ON cooperation_members (structure_id);
