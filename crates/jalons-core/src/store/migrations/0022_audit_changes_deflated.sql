-- Jalons schema v22: an audit row's changes may be stored deflated (store/changes_text.rs):
-- `changes` is then empty and `changes_deflated` holds them. The chain hashes the JSON
-- text either way. The guard against rewriting rows covers the new column: written once,
-- emptied only by an erasure's redaction.
ALTER TABLE audit_log ADD COLUMN changes_deflated BLOB;

DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    (old.hash IS NULL AND new.id IS old.id AND new.at IS old.at AND new.actor IS old.actor
        AND new.entity IS old.entity AND new.entity_id IS old.entity_id AND new.action IS old.action
        AND new.changes IS old.changes AND new.changes_deflated IS old.changes_deflated AND new.redacted = 0)
    OR (new.redacted = 1 AND new.changes_deflated IS NULL AND new.id IS old.id AND new.seq IS old.seq
        AND new.at IS old.at AND new.entity IS old.entity AND new.entity_id IS old.entity_id
        AND new.action IS old.action AND new.actor_hash IS old.actor_hash
        AND new.changes_hash IS old.changes_hash AND new.prev_hash IS old.prev_hash AND new.hash IS old.hash)
) BEGIN
    SELECT RAISE(ABORT, 'Le journal des modifications ne se modifie pas.');
END;
