-- Jalons schema v16: the audit trail is chained, so that a rewritten row is detected.
-- Each row carries its place (seq), the hashes of its actor and of its changes, the hash
-- of the row before it and its own. Redacting a row's values (erasure) keeps its hashes,
-- so the chain still verifies; any other change, or a row taken out, breaks it.
-- The hashes are computed by the core (store/chain.rs): rows written before this version
-- are sealed in order at the first opening.
ALTER TABLE audit_log ADD COLUMN seq INTEGER;
ALTER TABLE audit_log ADD COLUMN actor_hash TEXT;
ALTER TABLE audit_log ADD COLUMN changes_hash TEXT;
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
ALTER TABLE audit_log ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1));
CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);
-- What the first opening seals, found without reading the whole trail at every opening.
CREATE INDEX audit_log_unsealed ON audit_log (at) WHERE hash IS NULL;

-- The chain's last link, kept apart: rows taken off the end are found missing.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'Le journal des modifications ne se modifie pas.');
END;
-- A row is written once; afterwards only its sealing (hashes of a row written before v16)
-- or the redaction of its values (erasure) may change it.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    (old.hash IS NULL AND new.id IS old.id AND new.at IS old.at AND new.actor IS old.actor
        AND new.entity IS old.entity AND new.entity_id IS old.entity_id AND new.action IS old.action
        AND new.changes IS old.changes AND new.redacted = 0)
    OR (old.redacted = 0 AND new.redacted = 1 AND new.id IS old.id AND new.seq IS old.seq
        AND new.at IS old.at AND new.entity IS old.entity AND new.entity_id IS old.entity_id
        AND new.action IS old.action AND new.actor_hash IS old.actor_hash
        AND new.changes_hash IS old.changes_hash AND new.prev_hash IS old.prev_hash AND new.hash IS old.hash)
) BEGIN
    SELECT RAISE(ABORT, 'Le journal des modifications ne se modifie pas.');
END;
CREATE TRIGGER audit_log_head AFTER UPDATE OF hash ON audit_log WHEN new.hash IS NOT NULL BEGIN
    INSERT INTO audit_head (id, seq, hash) VALUES (1, new.seq, new.hash)
    ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash WHERE excluded.seq > audit_head.seq;
END;
CREATE TRIGGER audit_log_head_insert AFTER INSERT ON audit_log WHEN new.hash IS NOT NULL BEGIN
    INSERT INTO audit_head (id, seq, hash) VALUES (1, new.seq, new.hash)
    ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash WHERE excluded.seq > audit_head.seq;
END;
