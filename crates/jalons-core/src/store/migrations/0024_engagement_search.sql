-- Jalons schema v24: what the ingénieries list searches, kept folded in a narrow table. A
-- word was looked for in each ingénierie's title (folded at every row), its consultant
-- and the structures of its cases, gathered again at every search: 380 to 520 ms for two
-- words over the bench's 60,000 ingénieries, most of it reading the wide rows and joining
-- cases to structures from the wrong end. One folded line per ingénierie (about 100 bytes)
-- is scanned in about 20 ms. `engagement_search_source` is the one definition of that
-- line; the triggers write it again whenever something it reads changes, whoever writes.
-- The parts are joined with spaces, which a typed word never holds: a word matches inside
-- one part, as before.
CREATE VIEW engagement_search_source AS
SELECT e.id AS engagement_id,
       concat_ws(' ', fold(e.title), k.search_name,
           (SELECT group_concat(s.search_name, ' ')
            FROM engagement_cases ec JOIN cases c ON c.id = ec.case_id JOIN structures s ON s.id = c.structure_id
            WHERE ec.engagement_id = e.id)) AS text
FROM engagements e LEFT JOIN consultants k ON k.id = e.consultant_id;

CREATE TABLE engagement_search (
    engagement_id TEXT PRIMARY KEY REFERENCES engagements (id) ON DELETE CASCADE,
    text          TEXT NOT NULL
) STRICT;

INSERT INTO engagement_search (engagement_id, text) SELECT engagement_id, text FROM engagement_search_source;

CREATE TRIGGER engagement_search_ai AFTER INSERT ON engagements BEGIN
    INSERT INTO engagement_search (engagement_id, text)
    SELECT engagement_id, text FROM engagement_search_source WHERE engagement_id = new.id;
END;
CREATE TRIGGER engagement_search_au AFTER UPDATE OF title, consultant_id ON engagements BEGIN
    UPDATE engagement_search SET text = (SELECT text FROM engagement_search_source WHERE engagement_id = new.id)
    WHERE engagement_id = new.id;
END;
CREATE TRIGGER engagement_search_case_linked AFTER INSERT ON engagement_cases BEGIN
    UPDATE engagement_search SET text = (SELECT text FROM engagement_search_source WHERE engagement_id = new.engagement_id)
    WHERE engagement_id = new.engagement_id;
END;
CREATE TRIGGER engagement_search_case_unlinked AFTER DELETE ON engagement_cases BEGIN
    UPDATE engagement_search SET text = (SELECT text FROM engagement_search_source WHERE engagement_id = old.engagement_id)
    WHERE engagement_id = old.engagement_id;
END;
CREATE TRIGGER engagement_search_case_moved AFTER UPDATE OF structure_id ON cases
WHEN old.structure_id IS NOT new.structure_id BEGIN
    UPDATE engagement_search SET text = (SELECT text FROM engagement_search_source WHERE engagement_id = engagement_search.engagement_id)
    WHERE engagement_id IN (SELECT engagement_id FROM engagement_cases WHERE case_id = new.id);
END;
CREATE TRIGGER engagement_search_structure_renamed AFTER UPDATE OF search_name ON structures
WHEN old.search_name IS NOT new.search_name BEGIN
    UPDATE engagement_search SET text = (SELECT text FROM engagement_search_source WHERE engagement_id = engagement_search.engagement_id)
    WHERE engagement_id IN (SELECT ec.engagement_id FROM cases c JOIN engagement_cases ec ON ec.case_id = c.id
                            WHERE c.structure_id = new.id);
END;
CREATE TRIGGER engagement_search_consultant_renamed AFTER UPDATE OF search_name ON consultants
WHEN old.search_name IS NOT new.search_name BEGIN
    UPDATE engagement_search SET text = (SELECT text FROM engagement_search_source WHERE engagement_id = engagement_search.engagement_id)
    WHERE engagement_id IN (SELECT id FROM engagements WHERE consultant_id = new.id);
END;
