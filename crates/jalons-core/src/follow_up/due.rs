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

/// The last validation day whose follow-up is due (or late) by `today`: lists compare a
/// validation day with it in SQL, whose month arithmetic does not clamp month ends as
/// `follow_up_due` does. Adding months never decreases a day, so every earlier day is due too.
pub fn due_if_validated_by(today: NaiveDate) -> NaiveDate {
    let mut last = today - Months::new(FROM_MONTHS);
    while let Some(next) = last.succ_opt().filter(|d| *d + Months::new(FROM_MONTHS) <= today) {
        last = next;
    }
    last
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
    fn a_follow_up_is_due_exactly_when_validated_by_the_last_due_day() {
        let first = d("2023-01-01");
        for today in first.iter_days().take(800) {
            let last = due_if_validated_by(today);
            for validated in (today - Months::new(20)).iter_days().take(250) {
                let due = follow_up_due(validated, false, today).state != DueState::Upcoming;
                assert_eq!(validated <= last, due, "validated {validated}, today {today}");
            }
        }
        assert_eq!(due_if_validated_by(d("2025-02-28")), d("2024-02-29"));
        assert_eq!(due_if_validated_by(d("2024-02-29")), d("2023-02-28"));
    }

    #[test]
    fn month_ends_clamp() {
        assert_eq!(follow_up_due(d("2024-08-31"), false, d("2024-09-01")).from, d("2025-08-31"));
        assert_eq!(follow_up_due(d("2024-08-31"), false, d("2024-09-01")).until, d("2026-02-28"));
    }
}
