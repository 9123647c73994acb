-- Jalons schema v32: the audit trail takes less room (a quarter of the database at a large
-- DLA's scale). A row's place in the chain is its key, so neither its text id nor its place
-- needs an index of its own; its hashes are kept as 32 bytes rather than 64 hex letters; and
-- the hash of the row before it is no longer copied into it: the check reads it from that
-- row. What the chain covers, and how each hash is computed, do not change.
-- A hash that is not hex (a row altered outside Jalons) is kept as its bytes, never as
-- none: a row without a hash would be sealed again at the next opening.
-- Rows of a version before the chain (no place yet) take theirs after the last sealed one,
-- in the order they were written, and are sealed at the next opening.
CREATE TABLE audit_log_compact (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL,
    at               TEXT NOT NULL,
    actor            TEXT NOT NULL,
    entity           TEXT NOT NULL,
    entity_id        TEXT NOT NULL,
    action           TEXT NOT NULL,
    changes          TEXT NOT NULL,
    changes_deflated BLOB,
    actor_hash       BLOB,
    changes_hash     BLOB,
    hash             BLOB,
    redacted         INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1))
) STRICT;

INSERT INTO audit_log_compact (seq, id, at, actor, entity, entity_id, action, changes, changes_deflated, actor_hash,
                               changes_hash, hash, redacted)
SELECT coalesce(seq, (SELECT coalesce(max(seq), 0) FROM audit_log)
                     + row_number() OVER (PARTITION BY seq IS NULL ORDER BY at, rowid)),
       id, at, actor, entity, entity_id, action, changes, changes_deflated,
       coalesce(unhex(actor_hash), CAST(actor_hash AS BLOB)),
       coalesce(unhex(changes_hash), CAST(changes_hash AS BLOB)),
       coalesce(unhex(hash), CAST(hash AS BLOB)),
       redacted
FROM audit_log;

DROP TABLE audit_log;
ALTER TABLE audit_log_compact RENAME TO audit_log;

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);
-- What the opening seals, found without reading the whole trail.
CREATE INDEX audit_log_unsealed ON audit_log (seq) WHERE hash IS NULL;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'Le journal des modifications ne se modifie pas.');
END;
-- A row is written once; afterwards only its sealing (a row of a version before the chain)
-- or the redaction of its values (an erasure) may change it. A row already redacted may be
-- redacted again by another erasure; its hashes and its place never change.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    (old.hash IS NULL AND new.seq IS old.seq AND new.id IS old.id AND new.at IS old.at AND new.actor IS old.actor
        AND new.entity IS old.entity AND new.entity_id IS old.entity_id AND new.action IS old.action
        AND new.changes IS old.changes AND new.changes_deflated IS old.changes_deflated AND new.redacted = 0)
    OR (new.redacted = 1 AND new.changes_deflated IS NULL AND new.seq IS old.seq AND new.id IS old.id
        AND new.at IS old.at AND new.entity IS old.entity AND new.entity_id IS old.entity_id
        AND new.action IS old.action AND new.actor_hash IS old.actor_hash
        AND new.changes_hash IS old.changes_hash AND new.hash IS old.hash)
) BEGIN
    SELECT RAISE(ABORT, 'Le journal des modifications ne se modifie pas.');
END;
-- The chain's last link, kept apart (as hex, as before): rows taken off the end are found missing.
CREATE TRIGGER audit_log_head AFTER UPDATE OF hash ON audit_log WHEN new.hash IS NOT NULL BEGIN
    INSERT INTO audit_head (id, seq, hash) VALUES (1, new.seq, lower(hex(new.hash)))
    ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash WHERE excluded.seq > audit_head.seq;
END;
CREATE TRIGGER audit_log_head_insert AFTER INSERT ON audit_log WHEN new.hash IS NOT NULL BEGIN
    INSERT INTO audit_head (id, seq, hash) VALUES (1, new.seq, lower(hex(new.hash)))
    ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash WHERE excluded.seq > audit_head.seq;
END;
