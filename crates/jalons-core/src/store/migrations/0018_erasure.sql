-- Jalons schema v18: the right to erasure, and structures and cases deleted for real.
-- Each leaves a tombstone: which record (or, for a name typed without a record, a keyed
-- hash of it) and when, never the person's data, so that restoring an older backup erases
-- or deletes it again at once.
CREATE TABLE erasures (
    id      TEXT PRIMARY KEY,
    at      TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('contact', 'partner_contact', 'consultant', 'named', 'structure', 'case')),
    subject TEXT NOT NULL,
    UNIQUE (kind, subject)
) STRICT;

-- A row already redacted by one erasure may be redacted again by another; its hashes and
-- its place in the chain never change.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    (old.hash IS NULL AND new.id IS old.id AND new.at IS old.at AND new.actor IS old.actor
        AND new.entity IS old.entity AND new.entity_id IS old.entity_id AND new.action IS old.action
        AND new.changes IS old.changes AND new.redacted = 0)
    OR (new.redacted = 1 AND new.id IS old.id AND new.seq IS old.seq
        AND new.at IS old.at AND new.entity IS old.entity AND new.entity_id IS old.entity_id
        AND new.action IS old.action AND new.actor_hash IS old.actor_hash
        AND new.changes_hash IS old.changes_hash AND new.prev_hash IS old.prev_hash AND new.hash IS old.hash)
) BEGIN
    SELECT RAISE(ABORT, 'Le journal des modifications ne se modifie pas.');
END;

-- A deleted row's words leave the search indexes at once, not at the next merge.
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);
INSERT INTO journal_index (journal_index, rank) VALUES ('secure-delete', 1);

-- Partner contacts get a lawful basis and its date, as the structure's contacts have.
ALTER TABLE partner_contacts ADD COLUMN lawful_basis TEXT NOT NULL DEFAULT 'legitimate_interest';
ALTER TABLE partner_contacts ADD COLUMN lawful_basis_since TEXT;
UPDATE partner_contacts SET lawful_basis_since =
    (SELECT substr(p.created_at, 1, 10) FROM partners p WHERE p.id = partner_contacts.partner_id);
