-- Jalons schema v25: each structure's name folded (accents and case aside), the key the
-- cases list sorts on when sorted by structure, with its index. The key was folded for
-- every case at every page: the 35,000 finished cases of a large DLA's ten years sorted by
-- structure took 130 ms; along the index, the structures are read in order and each one's
-- cases found through `cases_structure_stage` until the page is full.
ALTER TABLE structures ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';
UPDATE structures SET sort_name = fold(name);
CREATE INDEX structures_by_sort_name ON structures (sort_name, id);
