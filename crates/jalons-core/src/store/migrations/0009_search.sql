-- Jalons schema v9: full-text indexes kept in step by triggers. `search_index` holds
-- structures, contacts, cases, diagnostics and their findings, ingénieries and consultants;
-- `journal_index` the journal, by far the largest, searched newest first. Accents and case
-- are folded ("theatre" finds "Théâtre"); prefixes of 2 to 4 letters are indexed for search
-- as you type. A row of `search_index` has its source row's rowid * 16 + a code per kind
-- as rowid, one of `journal_index` its entry's rowid, so that an update or a deletion
-- finds it without a scan.

CREATE VIRTUAL TABLE search_index USING fts5(
    kind, record_id UNINDEXED, extra UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

CREATE VIRTUAL TABLE journal_index USING fts5(
    record_id UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

-- structure
CREATE TRIGGER search_structures_ai AFTER INSERT ON structures BEGIN
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 1, 'structure', new.id, '', new.name, concat_ws(' ', new.acronym, new.commune_name, new.siret, new.rna, new.cultural_type));
END;
CREATE TRIGGER search_structures_au AFTER UPDATE ON structures BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 1;
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 1, 'structure', new.id, '', new.name, concat_ws(' ', new.acronym, new.commune_name, new.siret, new.rna, new.cultural_type));
END;
CREATE TRIGGER search_structures_ad AFTER DELETE ON structures BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 1;
END;
INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
SELECT structures.rowid * 16 + 1, 'structure', structures.id, '', structures.name, concat_ws(' ', structures.acronym, structures.commune_name, structures.siret, structures.rna, structures.cultural_type) FROM structures;

-- contact
CREATE TRIGGER search_contacts_ai AFTER INSERT ON contacts BEGIN
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 2, 'contact', new.id, new.structure_id, new.name, concat_ws(' ', new.email, new.phone));
END;
CREATE TRIGGER search_contacts_au AFTER UPDATE ON contacts BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 2;
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 2, 'contact', new.id, new.structure_id, new.name, concat_ws(' ', new.email, new.phone));
END;
CREATE TRIGGER search_contacts_ad AFTER DELETE ON contacts BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 2;
END;
INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
SELECT contacts.rowid * 16 + 2, 'contact', contacts.id, contacts.structure_id, contacts.name, concat_ws(' ', contacts.email, contacts.phone) FROM contacts;

-- case
CREATE TRIGGER search_cases_ai AFTER INSERT ON cases BEGIN
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 3, 'case', new.id, '', new.reference, concat_ws(' ', new.requester, new.request_text));
END;
CREATE TRIGGER search_cases_au AFTER UPDATE ON cases BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 3;
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 3, 'case', new.id, '', new.reference, concat_ws(' ', new.requester, new.request_text));
END;
CREATE TRIGGER search_cases_ad AFTER DELETE ON cases BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 3;
END;
INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
SELECT cases.rowid * 16 + 3, 'case', cases.id, '', cases.reference, concat_ws(' ', cases.requester, cases.request_text) FROM cases;

-- diagnostic
CREATE TRIGGER search_diagnostics_ai AFTER INSERT ON diagnostics BEGIN
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 5, 'diagnostic', new.case_id, '', '', concat_ws(' ', new.problem_statement, new.recommendations));
END;
CREATE TRIGGER search_diagnostics_au AFTER UPDATE ON diagnostics BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 5;
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 5, 'diagnostic', new.case_id, '', '', concat_ws(' ', new.problem_statement, new.recommendations));
END;
CREATE TRIGGER search_diagnostics_ad AFTER DELETE ON diagnostics BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 5;
END;
INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
SELECT diagnostics.rowid * 16 + 5, 'diagnostic', diagnostics.case_id, '', '', concat_ws(' ', diagnostics.problem_statement, diagnostics.recommendations) FROM diagnostics;

-- finding
CREATE TRIGGER search_diagnostic_scores_ai AFTER INSERT ON diagnostic_scores BEGIN
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 6, 'finding', new.case_id, new.domain, '', coalesce(new.finding, ''));
END;
CREATE TRIGGER search_diagnostic_scores_au AFTER UPDATE ON diagnostic_scores BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 6;
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 6, 'finding', new.case_id, new.domain, '', coalesce(new.finding, ''));
END;
CREATE TRIGGER search_diagnostic_scores_ad AFTER DELETE ON diagnostic_scores BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 6;
END;
INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
SELECT diagnostic_scores.rowid * 16 + 6, 'finding', diagnostic_scores.case_id, diagnostic_scores.domain, '', coalesce(diagnostic_scores.finding, '') FROM diagnostic_scores;

-- engagement
CREATE TRIGGER search_engagements_ai AFTER INSERT ON engagements BEGIN
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 7, 'engagement', new.id, '', new.title, coalesce(new.results, ''));
END;
CREATE TRIGGER search_engagements_au AFTER UPDATE ON engagements BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 7;
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 7, 'engagement', new.id, '', new.title, coalesce(new.results, ''));
END;
CREATE TRIGGER search_engagements_ad AFTER DELETE ON engagements BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 7;
END;
INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
SELECT engagements.rowid * 16 + 7, 'engagement', engagements.id, '', engagements.title, coalesce(engagements.results, '') FROM engagements;

-- consultant
CREATE TRIGGER search_consultants_ai AFTER INSERT ON consultants BEGIN
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 8, 'consultant', new.id, '', new.name, concat_ws(' ', new.organisation, new.sectors, new.notes));
END;
CREATE TRIGGER search_consultants_au AFTER UPDATE ON consultants BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 8;
    INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
    VALUES (new.rowid * 16 + 8, 'consultant', new.id, '', new.name, concat_ws(' ', new.organisation, new.sectors, new.notes));
END;
CREATE TRIGGER search_consultants_ad AFTER DELETE ON consultants BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 16 + 8;
END;
INSERT INTO search_index (rowid, kind, record_id, extra, title, body)
SELECT consultants.rowid * 16 + 8, 'consultant', consultants.id, '', consultants.name, concat_ws(' ', consultants.organisation, consultants.sectors, consultants.notes) FROM consultants;

-- journal
CREATE TRIGGER search_journal_entries_ai AFTER INSERT ON journal_entries BEGIN
    INSERT INTO journal_index (rowid, record_id, title, body)
    VALUES (new.rowid, new.id, coalesce(new.place, ''), concat_ws(' ', new.body, (SELECT group_concat(value, ', ') FROM json_each(new.people))));
END;
CREATE TRIGGER search_journal_entries_au AFTER UPDATE ON journal_entries BEGIN
    DELETE FROM journal_index WHERE rowid = old.rowid;
    INSERT INTO journal_index (rowid, record_id, title, body)
    VALUES (new.rowid, new.id, coalesce(new.place, ''), concat_ws(' ', new.body, (SELECT group_concat(value, ', ') FROM json_each(new.people))));
END;
CREATE TRIGGER search_journal_entries_ad AFTER DELETE ON journal_entries BEGIN
    DELETE FROM journal_index WHERE rowid = old.rowid;
END;
INSERT INTO journal_index (rowid, record_id, title, body)
SELECT journal_entries.rowid, journal_entries.id, coalesce(journal_entries.place, ''), concat_ws(' ', journal_entries.body, (SELECT group_concat(value, ', ') FROM json_each(journal_entries.people))) FROM journal_entries;
