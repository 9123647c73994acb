-- Jalons schema v1: settings, audit trail, structures and their contacts, cases.
-- Ids are UUID v7 text; money in integer cents; ETP in hundredths; dates ISO text.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
    id        TEXT PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action    TEXT NOT NULL,
    -- JSON array of {field, from, to}
    changes   TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);

CREATE TABLE structures (
    id                     TEXT PRIMARY KEY,
    name                   TEXT NOT NULL,
    search_name            TEXT NOT NULL,
    acronym                TEXT,
    siren                  TEXT,
    siret                  TEXT,
    rna                    TEXT,
    creation_date          TEXT,
    legal_form             TEXT NOT NULL,
    insee_category         TEXT,
    naf                    TEXT,
    idcc                   TEXT NOT NULL DEFAULT '[]',
    ess                    INTEGER NOT NULL DEFAULT 0,
    esus                   INTEGER NOT NULL DEFAULT 0,
    cultural_type          TEXT,
    address                TEXT,
    postal_code            TEXT,
    commune_code           TEXT,
    commune_name           TEXT,
    departement            TEXT,
    region                 TEXT,
    epci                   TEXT,
    qpv                    INTEGER NOT NULL DEFAULT 0,
    qpv_code               TEXT,
    frr                    TEXT NOT NULL DEFAULT 'none',
    frr_vintage            INTEGER,
    employees_cdi          INTEGER,
    employees_cdd          INTEGER,
    employees_aided        INTEGER,
    employees_intermittent INTEGER,
    etp                    INTEGER,
    volunteers             INTEGER,
    budget                 INTEGER,
    own_funds              INTEGER,
    cash                   INTEGER,
    networks               TEXT NOT NULL DEFAULT '[]',
    archived_at            TEXT,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX structures_siret ON structures (siret) WHERE siret IS NOT NULL;
CREATE INDEX structures_search_name ON structures (search_name);
CREATE INDEX structures_departement ON structures (departement);

CREATE TABLE contacts (
    id           TEXT PRIMARY KEY,
    structure_id TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,
    email        TEXT,
    phone        TEXT,
    lawful_basis TEXT NOT NULL
) STRICT;
CREATE INDEX contacts_structure ON contacts (structure_id, position);

CREATE TABLE cases (
    id              TEXT PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,
    structure_id    TEXT NOT NULL REFERENCES structures (id),
    stage           TEXT NOT NULL,
    request_date    TEXT NOT NULL,
    channel         TEXT NOT NULL,
    requester       TEXT NOT NULL,
    referral_source TEXT NOT NULL,
    request_text    TEXT NOT NULL,
    officer         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX cases_structure ON cases (structure_id);
CREATE INDEX cases_stage ON cases (stage);
