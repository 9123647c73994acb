-- Jalons schema v31: the overview of referrals is read a page at a time, newest first, and
-- a year is a range of days: both along this index rather than by sorting every referral.
CREATE INDEX referrals_by_day ON referrals (referred_on, created_at, id);
