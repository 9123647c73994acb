-- Jalons schema v15: what was typed twice is now linked once.
-- A parcours action of kind « ingénierie » names the ingénierie that carries it out; its
-- status is then read from that ingénierie. A deleted ingénierie leaves the action planned.
ALTER TABLE plan_actions ADD COLUMN engagement_id TEXT REFERENCES engagements (id) ON DELETE SET NULL;
CREATE INDEX plan_actions_engagement ON plan_actions (engagement_id) WHERE engagement_id IS NOT NULL;

-- An interview keeps its notes, and the structure's contacts met (a JSON array of
-- contact ids) beside the other people met, typed.
ALTER TABLE diagnostic_interviews ADD COLUMN notes TEXT;
ALTER TABLE diagnostic_interviews ADD COLUMN contact_ids TEXT NOT NULL DEFAULT '[]';

-- What each funder line pays for the case: an amount in cents, a share in basis points
-- (2500 = 25 %), either or both, or neither when not known.
ALTER TABLE case_funders ADD COLUMN amount INTEGER CHECK (amount >= 0);
ALTER TABLE case_funders ADD COLUMN share INTEGER CHECK (share BETWEEN 0 AND 10000);
