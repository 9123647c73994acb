//! When the checks that read the whole file (`quick_check`, the foreign keys) run at start.
//! On a large database they take 20 s of one core, beside the first minute of use. A file
//! that Jalons closed cleanly and that nothing has touched since (same size, same time of
//! change), and that was checked in full less than a week ago, is not checked again.
//! Anything else (a crash, a copy put in its place, a file changed by another program, a
//! record missing or unreadable) means a check in full.
//!
//! The record lives on this computer, beside the backups' configuration, never beside the
//! database: a file copied from a colleague is always checked.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::durable;

/// A full check at least this often, whatever the record says.
pub const FULL_CHECK_EVERY_DAYS: i64 = 7;

/// Records kept: one per database opened on this computer, the most recent first.
const RECORDS_KEPT: usize = 16;

/// A record file larger than this is not Jalons's: it is ignored.
const RECORD_MAX_BYTES: u64 = 64 * 1024;

/// What the file system says of a database file: enough to see that it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    size: u64,
    modified_ns: u64,
}

impl Fingerprint {
    /// None for a file that does not exist (yet) or whose time cannot be read.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        let since = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Self { size: meta.len(), modified_ns: u64::try_from(since.as_nanos()).ok()? })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Record {
    db: PathBuf,
    /// The file as Jalons left it at its last clean close.
    closed: Option<Fingerprint>,
    /// The day of the last check in full that found it sound.
    checked_on: Option<NaiveDate>,
}

/// The record file of this computer (`verifications.json` in the app's configuration).
#[derive(Debug, Clone)]
pub struct CheckSchedule {
    file: PathBuf,
}

impl CheckSchedule {
    pub fn new(file: PathBuf) -> Self {
        Self { file }
    }

    /// Whether the database must be checked in full, given what its file was when the store
    /// opened it (`Store::file_at_open`).
    pub fn full_check_due(&self, db: &Path, at_open: Option<Fingerprint>, today: NaiveDate) -> bool {
        let records = self.load();
        let Some(record) = records.iter().find(|r| r.db == db) else { return true };
        let unchanged = at_open.is_some() && record.closed == at_open;
        let recent = record.checked_on.is_some_and(|d| (today - d).num_days() < FULL_CHECK_EVERY_DAYS && d <= today);
        !(unchanged && recent)
    }

    /// The database was checked in full today and found sound.
    pub fn checked(&self, db: &Path, today: NaiveDate) {
        self.update(db, |r| r.checked_on = Some(today));
    }

    /// Jalons closed the database: the file as it is now, once no journal of changes is
    /// left beside it (otherwise the file is still to change, and nothing is noted).
    pub fn closed(&self, db: &Path) {
        let mut wal = db.as_os_str().to_owned();
        wal.push("-wal");
        let closed = if Path::new(&wal).exists() { None } else { Fingerprint::of(db) };
        self.update(db, |r| r.closed = closed);
    }

    fn update(&self, db: &Path, change: impl FnOnce(&mut Record)) {
        let mut records = self.load();
        let mut record = match records.iter().position(|r| r.db == db) {
            Some(i) => records.remove(i),
            None => Record { db: db.to_owned(), ..Record::default() },
        };
        change(&mut record);
        records.insert(0, record);
        records.truncate(RECORDS_KEPT);
        // A record that cannot be written only means a check in full next time.
        if let Some(dir) = self.file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Ok(bytes) = serde_json::to_vec_pretty(&records) {
            let _ = durable::write_file(&self.file, &bytes, "Le relevé des vérifications n'a pas pu être enregistré");
        }
    }

    /// The records, or none when the file is missing, too large or not a record.
    fn load(&self) -> Vec<Record> {
        let small = std::fs::metadata(&self.file).is_ok_and(|m| m.len() <= RECORD_MAX_BYTES);
        if !small {
            return Vec::new();
        }
        std::fs::read(&self.file).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    struct Setup {
        _dir: tempfile::TempDir,
        db: PathBuf,
        schedule: CheckSchedule,
    }

    fn setup() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("jalons.sqlite");
        std::fs::write(&db, b"contenu").unwrap();
        let schedule = CheckSchedule::new(dir.path().join("config").join("verifications.json"));
        Setup { db, schedule, _dir: dir }
    }

    fn closed_and_checked(s: &Setup, on: &str) {
        s.schedule.checked(&s.db, day(on));
        s.schedule.closed(&s.db);
    }

    #[test]
    fn a_file_closed_cleanly_untouched_and_checked_this_week_is_not_checked_again() {
        let s = setup();
        assert!(s.schedule.full_check_due(&s.db, Fingerprint::of(&s.db), day("2026-12-07")), "never seen");
        closed_and_checked(&s, "2026-12-01");
        let now = Fingerprint::of(&s.db);
        assert!(!s.schedule.full_check_due(&s.db, now, day("2026-12-07")));
        assert!(s.schedule.full_check_due(&s.db, now, day("2026-12-08")), "a week later");
        assert!(s.schedule.full_check_due(&s.db, now, day("2026-11-30")), "a clock set back");
        assert!(s.schedule.full_check_due(&s.db, None, day("2026-12-02")), "a file that could not be read");
    }

    #[test]
    fn a_file_changed_after_the_close_is_checked() {
        let s = setup();
        closed_and_checked(&s, "2026-12-07");
        std::fs::write(&s.db, b"contenX").unwrap();
        let earlier = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options().write(true).open(&s.db).unwrap().set_modified(earlier).unwrap();
        assert!(s.schedule.full_check_due(&s.db, Fingerprint::of(&s.db), day("2026-12-07")), "same size, other time");
        closed_and_checked(&s, "2026-12-07");
        std::fs::write(&s.db, b"contenu plus long").unwrap();
        assert!(s.schedule.full_check_due(&s.db, Fingerprint::of(&s.db), day("2026-12-07")), "another size");
    }

    #[test]
    fn a_close_with_its_journal_left_or_a_check_without_a_close_does_not_count() {
        let s = setup();
        s.schedule.checked(&s.db, day("2026-12-07"));
        assert!(s.schedule.full_check_due(&s.db, Fingerprint::of(&s.db), day("2026-12-07")), "never closed");
        std::fs::write(s.db.with_file_name("jalons.sqlite-wal"), b"journal").unwrap();
        s.schedule.closed(&s.db);
        assert!(s.schedule.full_check_due(&s.db, Fingerprint::of(&s.db), day("2026-12-07")), "journal left");
    }

    #[test]
    fn another_database_or_a_record_that_is_not_one_means_a_check() {
        let s = setup();
        closed_and_checked(&s, "2026-12-07");
        let other = s.db.with_file_name("copie.sqlite");
        std::fs::copy(&s.db, &other).unwrap();
        assert!(s.schedule.full_check_due(&other, Fingerprint::of(&s.db), day("2026-12-07")), "not this path");
        for garbage in [&b"{ pas du json"[..], &b"[{\"db\": 12}]"[..], &vec![b' '; 70 * 1024][..]] {
            std::fs::write(&s.schedule.file, garbage).unwrap();
            assert!(s.schedule.full_check_due(&s.db, Fingerprint::of(&s.db), day("2026-12-07")));
            closed_and_checked(&s, "2026-12-07");
            assert!(!s.schedule.full_check_due(&s.db, Fingerprint::of(&s.db), day("2026-12-07")), "written anew");
        }
    }

    #[test]
    fn the_record_keeps_the_most_recent_databases_only() {
        let s = setup();
        for i in 0..RECORDS_KEPT + 4 {
            s.schedule.checked(&s.db.with_file_name(format!("base-{i}.sqlite")), day("2026-12-07"));
        }
        assert_eq!(s.schedule.load().len(), RECORDS_KEPT);
        assert_eq!(s.schedule.load()[0].db, s.db.with_file_name(format!("base-{}.sqlite", RECORDS_KEPT + 3)));
    }
}
