//! When to back up while Jalons is open: at start when the last backup is more than a day
//! old, and a quarter of an hour after the first change not yet in a backup (so that a
//! morning of work is kept without a backup after every click); at quit, when anything
//! changed since the last one.

use std::time::{Duration, Instant};

use chrono::NaiveDateTime;

/// How long after the first change not in a backup the next backup is taken.
pub const AFTER_CHANGES: Duration = Duration::from_secs(15 * 60);

/// Whether to back up at start, given the newest backup's date.
pub fn due_at_start(newest: Option<NaiveDateTime>, now: NaiveDateTime) -> bool {
    newest.is_none_or(|at| now.signed_duration_since(at) >= chrono::Duration::days(1))
}

/// Follows the store's change counter between backups.
#[derive(Debug, Clone)]
pub struct Schedule {
    changes_in_backup: u64,
    first_change_seen: Option<Instant>,
}

impl Schedule {
    /// `changes` is the store's change counter when the last backup (or the start) was.
    pub fn new(changes: u64) -> Self {
        Self { changes_in_backup: changes, first_change_seen: None }
    }

    /// Whether anything changed since the last backup.
    pub fn has_changes(&self, changes: u64) -> bool {
        changes != self.changes_in_backup
    }

    /// Called regularly; true when a backup is due.
    pub fn tick(&mut self, now: Instant, changes: u64) -> bool {
        if !self.has_changes(changes) {
            self.first_change_seen = None;
            return false;
        }
        let first = *self.first_change_seen.get_or_insert(now);
        now.duration_since(first) >= AFTER_CHANGES
    }

    /// A backup holding everything up to `changes` was written.
    pub fn backed_up(&mut self, changes: u64) {
        self.changes_in_backup = changes;
        self.first_change_seen = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_a_quarter_of_an_hour_after_the_first_change() {
        let start = Instant::now();
        let mut s = Schedule::new(10);
        assert!(!s.tick(start, 10));
        assert!(!s.tick(start + Duration::from_secs(60), 12));
        assert!(!s.tick(start + Duration::from_secs(14 * 60), 30));
        assert!(s.tick(start + Duration::from_secs(16 * 60), 31));
        s.backed_up(31);
        assert!(!s.has_changes(31));
        assert!(!s.tick(start + Duration::from_secs(40 * 60), 31));
    }

    #[test]
    fn at_start_when_the_newest_backup_is_a_day_old() {
        let now = NaiveDateTime::parse_from_str("2026-12-01 09:00", "%Y-%m-%d %H:%M").unwrap();
        assert!(due_at_start(None, now));
        assert!(due_at_start(Some(now - chrono::Duration::hours(25)), now));
        assert!(!due_at_start(Some(now - chrono::Duration::hours(3)), now));
    }
}
