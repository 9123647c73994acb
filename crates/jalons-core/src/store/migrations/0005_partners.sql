-- Jalons schema v5: the partner directory and the referrals of cases to partners.

CREATE TABLE partners (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    search_name TEXT NOT NULL,
    kind        TEXT NOT NULL,
    territory   TEXT,
    website     TEXT,
    email       TEXT,
    phone       TEXT,
    notes       TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX partners_search_name ON partners (search_name);

CREATE TABLE partner_contacts (
    id         TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    role       TEXT,
    email      TEXT,
    phone      TEXT
) STRICT;
CREATE INDEX partner_contacts_partner ON partner_contacts (partner_id, position);

CREATE TABLE referrals (
    id           TEXT PRIMARY KEY,
    case_id      TEXT NOT NULL REFERENCES cases (id),
    partner_id   TEXT NOT NULL REFERENCES partners (id),
    referred_on  TEXT NOT NULL,
    reason       TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    outcome_note TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX referrals_case ON referrals (case_id);
CREATE INDEX referrals_partner ON referrals (partner_id, referred_on);
