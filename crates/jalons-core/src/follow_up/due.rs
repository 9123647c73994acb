//! When the follow-up is due: 12 to 18 months after the diagnostic (domain.md §2).

use chrono::{Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DueState {
    /// Before the 12-month mark.
    Upcoming,
    /// Between 12 and 18 months.
    Due,
    /// Past 18 months with no follow-up recorded.
    Late,
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct FollowUpDue {
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub state: DueState,
}

const FROM_MONTHS: u32 = 12;
const UNTIL_MONTHS: u32 = 18;

/// The window opens with the diagnostic's validation; without it there is no due date yet.
pub fn follow_up_due(diagnostic_validated: NaiveDate, done: bool, today: NaiveDate) -> FollowUpDue {
    let from = diagnostic_validated + Months::new(FROM_MONTHS);
    let until = diagnostic_validated + Months::new(UNTIL_MONTHS);
    let state = if done {
        DueState::Done
    } else if today > until {
        DueState::Late
    } else if today >= from {
        DueState::Due
    } else {
        DueState::Upcoming
    };
    FollowUpDue { from, until, state }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn window_is_twelve_to_eighteen_months() {
        let due = follow_up_due(d("2025-01-31"), false, d("2025-06-01"));
        assert_eq!((due.from, due.until, due.state), (d("2026-01-31"), d("2026-07-31"), DueState::Upcoming));
        assert_eq!(follow_up_due(d("2025-01-31"), false, d("2026-01-31")).state, DueState::Due);
        assert_eq!(follow_up_due(d("2025-01-31"), false, d("2026-07-31")).state, DueState::Due);
        assert_eq!(follow_up_due(d("2025-01-31"), false, d("2026-08-01")).state, DueState::Late);
        assert_eq!(follow_up_due(d("2025-01-31"), true, d("2027-01-01")).state, DueState::Done);
    }

    #[test]
    fn month_ends_clamp() {
        assert_eq!(follow_up_due(d("2024-08-31"), false, d("2024-09-01")).from, d("2025-08-31"));
        assert_eq!(follow_up_due(d("2024-08-31"), false, d("2024-09-01")).until, d("2026-02-28"));
    }
}
