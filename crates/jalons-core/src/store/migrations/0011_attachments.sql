-- Jalons schema v11: attached files, stored once by their SHA-256 in the folder beside
-- the database, and attached to a structure, a case, an ingénierie or a journal entry.

CREATE TABLE stored_files (
    sha256    TEXT PRIMARY KEY,
    size      INTEGER NOT NULL,
    stored_at TEXT NOT NULL
) STRICT;

CREATE TABLE attachments (
    id            TEXT PRIMARY KEY,
    sha256        TEXT NOT NULL REFERENCES stored_files (sha256),
    name          TEXT NOT NULL,
    mime          TEXT NOT NULL,
    size          INTEGER NOT NULL,
    confidential  INTEGER NOT NULL DEFAULT 0,
    structure_id  TEXT REFERENCES structures (id),
    case_id       TEXT REFERENCES cases (id),
    engagement_id TEXT REFERENCES engagements (id),
    journal_id    TEXT REFERENCES journal_entries (id),
    created_at    TEXT NOT NULL,
    CHECK ((structure_id IS NOT NULL) + (case_id IS NOT NULL) + (engagement_id IS NOT NULL)
           + (journal_id IS NOT NULL) = 1)
) STRICT;
CREATE INDEX attachments_structure ON attachments (structure_id);
CREATE INDEX attachments_case ON attachments (case_id);
CREATE INDEX attachments_engagement ON attachments (engagement_id);
CREATE INDEX attachments_journal ON attachments (journal_id);
CREATE INDEX attachments_sha256 ON attachments (sha256);
