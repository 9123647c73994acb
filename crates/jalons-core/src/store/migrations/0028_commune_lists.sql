-- Jalons schema v28: lists of communes the DLA loads from the files INSEE and the ANCT
-- publish, kept with their vintage: the communal density grid (rural = levels 5 to 7 of
-- the 7-level grid) and the communes classed France Ruralités Revitalisation. A new load
-- of a list replaces the previous one whole.
CREATE TABLE commune_lists (
    kind      TEXT PRIMARY KEY CHECK (kind IN ('density', 'frr')),
    vintage   INTEGER NOT NULL CHECK (vintage BETWEEN 2000 AND 2100),
    -- The name of the file it was read from, as the user saw it.
    file_name TEXT NOT NULL,
    loaded_at TEXT NOT NULL,
    communes  INTEGER NOT NULL
) STRICT;

CREATE TABLE commune_density (
    code  TEXT PRIMARY KEY,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 7)
) STRICT, WITHOUT ROWID;

CREATE TABLE commune_frr (
    code TEXT PRIMARY KEY,
    frr  TEXT NOT NULL CHECK (frr IN ('frr', 'frr_plus'))
) STRICT, WITHOUT ROWID;
