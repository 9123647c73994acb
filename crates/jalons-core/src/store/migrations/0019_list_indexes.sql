-- The lists are cut into pages in the core: each page is read along an index in the list's
-- order, so that the rows before it are skipped in the index without reading the table.
-- The name is followed by the id, the list's last sort key, so that ties have one order,
-- and by the archiving day, so that the filter on it is read from the index too.
DROP INDEX structures_search_name;
CREATE INDEX structures_by_name ON structures (search_name, id, archived_at);
-- The structures list shows the active ones unless asked otherwise.
CREATE INDEX structures_active_by_name ON structures (search_name, id, archived_at) WHERE archived_at IS NULL;
-- The open cases of the structures of a page are counted from the index alone.
DROP INDEX cases_structure;
CREATE INDEX cases_structure_stage ON cases (structure_id, stage);
