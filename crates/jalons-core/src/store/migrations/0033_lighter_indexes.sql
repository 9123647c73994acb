-- Jalons schema v33: three indexes made lighter, measured on the bench's database (20,000
-- structures, 40,000 cases, 400,000 journal entries, 280,000 audit rows): 50 MiB → 22.

-- A case's events are a handful: the index on the day they happened serves its timeline
-- too, which sorts them itself (14 MiB).
DROP INDEX case_events_case;

-- Most journal entries belong to a structure and to no case: only those of a case are
-- indexed by case (a case's entries are looked up with `case_id = ?`, which implies it).
DROP INDEX journal_entries_case;
CREATE INDEX journal_entries_case ON journal_entries (case_id, occurred_on) WHERE case_id IS NOT NULL;

-- A record's history is read by its id, in the chain's order (its place, `seq`, is in every
-- index of the table), and an erasure redacts the rows of the ids it is given: one narrower
-- index serves both, where an erasure read the whole trail.
DROP INDEX audit_log_entity;
CREATE INDEX audit_log_record ON audit_log (entity_id);
