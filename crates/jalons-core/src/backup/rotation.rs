//! Which backups to keep as they age, as Time Machine and Actual Budget thin theirs: every
//! backup of the last day, the newest of each day for 14 days, the newest of each week for
//! 13 weeks. The newest backup and the newest taken before a restore are always kept,
//! however old (a laptop left in a drawer for a season still has its last backup).

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDateTime};

use super::BackupReason;

/// The backups to remove, given all of them (any order) and the time now.
pub fn to_remove<T: Clone>(backups: &[(NaiveDateTime, BackupReason, T)], now: NaiveDateTime) -> Vec<T> {
    let mut order: Vec<usize> = (0..backups.len()).collect();
    order.sort_by(|&a, &b| backups[b].0.cmp(&backups[a].0));
    let mut kept_days = HashSet::new();
    let mut kept_weeks = HashSet::new();
    let mut kept_safety = false;
    let mut remove = Vec::new();
    for (rank, &i) in order.iter().enumerate() {
        let (at, reason, item) = &backups[i];
        let age = now.signed_duration_since(*at);
        let always = rank == 0 || age < Duration::days(1) || (*reason == BackupReason::BeforeRestore && !kept_safety);
        let keep = if always {
            true
        } else if age < Duration::days(14) {
            kept_days.insert(at.date())
        } else if age < Duration::weeks(13) {
            let week = at.date().iso_week();
            kept_weeks.insert((week.year(), week.week()))
        } else {
            false
        };
        if *reason == BackupReason::BeforeRestore && keep {
            kept_safety = true;
        }
        if keep {
            kept_days.insert(at.date());
            let week = at.date().iso_week();
            kept_weeks.insert((week.year(), week.week()));
        } else {
            remove.push(item.clone());
        }
    }
    remove
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn thins_out_by_day_then_by_week_then_drops() {
        let now = at("2026-12-01 12:00");
        let list: Vec<(NaiveDateTime, BackupReason, &str)> = vec![
            (at("2026-12-01 11:45"), BackupReason::Auto, "today 11:45"),
            (at("2026-12-01 09:00"), BackupReason::Start, "today 09:00"),
            (at("2026-11-30 18:00"), BackupReason::Quit, "yesterday 18:00"),
            (at("2026-11-30 09:00"), BackupReason::Start, "yesterday 09:00"),
            (at("2026-11-25 10:00"), BackupReason::Start, "6 days"),
            (at("2026-11-25 08:00"), BackupReason::Start, "6 days, earlier"),
            (at("2026-11-10 10:00"), BackupReason::Start, "3 weeks, Tuesday"),
            (at("2026-11-09 10:00"), BackupReason::Start, "3 weeks, Monday"),
            (at("2026-11-03 10:00"), BackupReason::Start, "4 weeks"),
            (at("2026-07-01 10:00"), BackupReason::Start, "5 months"),
        ];
        let mut removed = to_remove(&list, now);
        removed.sort();
        assert_eq!(removed, ["3 weeks, Monday", "5 months", "6 days, earlier", "yesterday 09:00"]);
    }

    #[test]
    fn the_newest_backup_and_the_last_safety_backup_stay_however_old() {
        let now = at("2026-12-01 12:00");
        let list = vec![
            (at("2026-05-01 10:00"), BackupReason::Quit, "newest"),
            (at("2026-04-01 10:00"), BackupReason::BeforeRestore, "safety"),
            (at("2026-03-01 10:00"), BackupReason::BeforeRestore, "older safety"),
        ];
        assert_eq!(to_remove(&list, now), ["older safety"]);
    }
}
