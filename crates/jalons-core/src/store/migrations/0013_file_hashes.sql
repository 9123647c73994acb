-- Jalons schema v13: a stored file's hash becomes a file name, so the schema itself
-- insists on 64 lowercase hex digits. Rows that break it (only a crafted or damaged
-- database has them) name no file Jalons could have written and are dropped.

PRAGMA defer_foreign_keys = ON;

CREATE TABLE stored_files_v13 (
    sha256    TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    size      INTEGER NOT NULL,
    stored_at TEXT NOT NULL
) STRICT;
INSERT INTO stored_files_v13 (sha256, size, stored_at)
    SELECT sha256, size, stored_at FROM stored_files
    WHERE length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*';

CREATE TABLE attachments_v13 (
    id            TEXT PRIMARY KEY,
    sha256        TEXT NOT NULL REFERENCES stored_files (sha256)
                  CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
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
INSERT INTO attachments_v13
    SELECT id, sha256, name, mime, size, confidential, structure_id, case_id, engagement_id, journal_id, created_at
    FROM attachments
    WHERE sha256 IN (SELECT sha256 FROM stored_files_v13);

DROP TABLE attachments;
DROP TABLE stored_files;
ALTER TABLE stored_files_v13 RENAME TO stored_files;
ALTER TABLE attachments_v13 RENAME TO attachments;

CREATE INDEX attachments_structure ON attachments (structure_id);
CREATE INDEX attachments_case ON attachments (case_id);
CREATE INDEX attachments_engagement ON attachments (engagement_id);
CREATE INDEX attachments_journal ON attachments (journal_id);
CREATE INDEX attachments_sha256 ON attachments (sha256);
