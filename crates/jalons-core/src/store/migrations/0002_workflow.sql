-- Jalons schema v2: the accompaniment workflow (domain.md §2 to §4 and the follow-up).

-- The case's timeline: one row per stage change, the opening included.
CREATE TABLE case_events (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases (id),
    from_stage  TEXT,
    to_stage    TEXT NOT NULL,
    -- The day the change happened, as the user states it.
    on_date     TEXT NOT NULL,
    author      TEXT NOT NULL,
    comment     TEXT,
    reason      TEXT,
    partner     TEXT,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX case_events_case ON case_events (case_id, recorded_at);

-- Cases opened under schema v1 were all at intake: their timeline starts with the request.
-- The id is a UUID v7 built from the current time, like the ones the app makes.
INSERT INTO case_events (id, case_id, from_stage, to_stage, on_date, author, recorded_at)
SELECT lower(
           substr(ts, 1, 8) || '-' || substr(ts, 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-'
           || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-'
           || hex(randomblob(6))
       ),
       id, NULL, 'intake', request_date, officer, created_at
FROM (SELECT printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS ts, * FROM cases);

CREATE TABLE diagnostics (
    case_id           TEXT PRIMARY KEY REFERENCES cases (id),
    problem_statement TEXT,
    recommendations   TEXT,
    -- Validated by the structure's governing body.
    validated_on      TEXT,
    author            TEXT NOT NULL,
    -- The structure's size when diagnosed, compared at follow-up.
    headcount         INTEGER,
    etp               INTEGER,
    updated_at        TEXT NOT NULL
) STRICT;

CREATE TABLE diagnostic_interviews (
    id       TEXT PRIMARY KEY,
    case_id  TEXT NOT NULL REFERENCES diagnostics (case_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    on_date  TEXT NOT NULL,
    people   TEXT NOT NULL,
    place    TEXT
) STRICT;
CREATE INDEX diagnostic_interviews_case ON diagnostic_interviews (case_id, position);

CREATE TABLE diagnostic_scores (
    case_id  TEXT NOT NULL REFERENCES diagnostics (case_id) ON DELETE CASCADE,
    domain   TEXT NOT NULL,
    score    INTEGER CHECK (score BETWEEN 0 AND 3),
    finding  TEXT,
    priority INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (case_id, domain)
) STRICT;

CREATE TABLE plans (
    case_id           TEXT PRIMARY KEY REFERENCES cases (id),
    committee_date    TEXT,
    committee_opinion TEXT,
    -- Validated by the structure.
    validated_on      TEXT,
    updated_at        TEXT NOT NULL
) STRICT;

-- Axes in priority order, each with its actions.
CREATE TABLE plan_axes (
    id       TEXT PRIMARY KEY,
    case_id  TEXT NOT NULL REFERENCES plans (case_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title    TEXT NOT NULL
) STRICT;
CREATE INDEX plan_axes_case ON plan_axes (case_id, position);

CREATE TABLE plan_actions (
    id          TEXT PRIMARY KEY,
    axis_id     TEXT NOT NULL REFERENCES plan_axes (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    description TEXT NOT NULL,
    theme       TEXT NOT NULL,
    partner     TEXT,
    due_date    TEXT,
    status      TEXT NOT NULL
) STRICT;
CREATE INDEX plan_actions_axis ON plan_actions (axis_id, position);

CREATE TABLE consultants (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    search_name  TEXT NOT NULL,
    organisation TEXT,
    siret        TEXT,
    -- JSON array of theme codes.
    skills       TEXT NOT NULL DEFAULT '[]',
    sectors      TEXT,
    day_rate     INTEGER,
    email        TEXT,
    phone        TEXT,
    notes        TEXT,
    archived_at  TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX consultants_search_name ON consultants (search_name);

CREATE TABLE engagements (
    id                TEXT PRIMARY KEY,
    title             TEXT NOT NULL,
    theme             TEXT NOT NULL,
    mode              TEXT NOT NULL,
    consultant_id     TEXT REFERENCES consultants (id),
    -- Days in hundredths (2,5 days = 250), day rate in cents, VAT in basis points
    -- (2000 = 20 %), NULL when the consultant is exempt.
    days              INTEGER,
    day_rate          INTEGER,
    vat_rate          INTEGER,
    cost_ht           INTEGER GENERATED ALWAYS AS ((days * day_rate + 50) / 100) STORED,
    cost_ttc          INTEGER GENERATED ALWAYS AS (
                          ((days * day_rate + 50) / 100 * (10000 + coalesce(vat_rate, 0)) + 5000) / 10000
                      ) STORED,
    funder            TEXT,
    terms_date        TEXT,
    consultation_date TEXT,
    decision_date     TEXT,
    kickoff_date      TEXT,
    restitution_date  TEXT,
    final_report_date TEXT,
    cancelled_on      TEXT,
    cancel_reason     TEXT,
    results           TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;

CREATE TABLE engagement_cases (
    engagement_id TEXT NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    case_id       TEXT NOT NULL REFERENCES cases (id),
    PRIMARY KEY (engagement_id, case_id)
) STRICT;
CREATE INDEX engagement_cases_case ON engagement_cases (case_id);

-- The consultants consulted, their offers and the structure's scores.
CREATE TABLE engagement_offers (
    engagement_id TEXT NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    consultant_id TEXT NOT NULL REFERENCES consultants (id),
    position      INTEGER NOT NULL,
    amount_ht     INTEGER,
    score         INTEGER CHECK (score BETWEEN 0 AND 20),
    PRIMARY KEY (engagement_id, consultant_id)
) STRICT;

CREATE TABLE follow_ups (
    case_id       TEXT PRIMARY KEY REFERENCES cases (id),
    done_on       TEXT NOT NULL,
    headcount     INTEGER,
    etp           INTEGER,
    appropriation INTEGER CHECK (appropriation BETWEEN 0 AND 3),
    new_needs     TEXT,
    jobs          TEXT NOT NULL,
    economic      TEXT NOT NULL,
    strategy      TEXT NOT NULL,
    partnerships  TEXT NOT NULL,
    outcome       TEXT,
    updated_at    TEXT NOT NULL
) STRICT;
