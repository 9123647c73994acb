//! Where « now » comes from. Every date the core checks (« ne peut pas être dans le
//! futur », what is late, what is due) and every time it stamps comes from the store's
//! clock, so that a test or a bench can fix the day instead of depending on when it runs.

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};

/// The computer's clock by default; a fixed day when set with `on_day`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock(Option<DateTime<Utc>>);

impl Clock {
    pub fn system() -> Self {
        Self(None)
    }

    /// Noon, local time, on `day`: the day stays the same whatever the time zone.
    pub fn on_day(day: NaiveDate) -> Self {
        let noon = day.and_hms_opt(12, 0, 0).unwrap_or_default();
        let at = Local.from_local_datetime(&noon).earliest().map_or_else(|| noon.and_utc(), |t| t.with_timezone(&Utc));
        Self(Some(at))
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.0.unwrap_or_else(Utc::now)
    }

    /// Today where the user is: the day a « future date » is measured against.
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&Local).date_naive()
    }

    /// The instant as the records store it (`created_at`, `updated_at`, the audit trail).
    pub fn stamp(&self) -> String {
        self.now().to_rfc3339()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_day_is_that_day_and_stays_put() {
        let day = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        let clock = Clock::on_day(day);
        assert_eq!(clock.today(), day);
        assert_eq!(clock.stamp(), clock.stamp());
        assert!(clock.stamp().starts_with("2024-02-29T"));
    }

    #[test]
    fn the_system_clock_moves() {
        let clock = Clock::system();
        assert_eq!(clock.today(), Local::now().date_naive());
    }
}
