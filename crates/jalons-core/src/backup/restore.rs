//! Restoring a backup: checked first as any file Jalons opens (a Jalons database, whole,
//! not from a newer Jalons), then copied into the live database by SQLite's backup API in
//! one transaction, after a safety backup of the current state, which undoes the
//! restore; the tombstones of the people erased since are carried over and applied. A damaged database that cannot be opened is instead set aside, renamed, never
//! deleted, and the backup put in its place.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::backup::{Backup, StepResult};
use serde::Serialize;
use ts_rs::TS;

use super::catalogue::{self, BackupInfo, BackupReason};
use super::take::{copy_files, hashes_of};
use super::{files_of, take};
use crate::crypto::DataKey;
use crate::store::{files_dir_of, migrations, opening};
use crate::{Error, ErrorCode, Result, Store, durable};

/// What a restore did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Restored {
    /// The backup of the state before the restore: restoring it undoes the restore.
    pub safety: Option<BackupInfo>,
    /// Where a damaged database was set aside.
    pub set_aside: Option<String>,
}

fn refused(e: Error) -> Error {
    Error::new(e.code, format!("Cette sauvegarde ne peut pas être restaurée. {}", e.message))
}

/// The backup as an encrypted file: itself, or, for a plain backup of an earlier Jalons,
/// an encrypted copy written at `scratch` (the caller removes it).
fn encrypted(backup: &Path, key: &DataKey, scratch: &Path) -> Result<PathBuf> {
    if !opening::is_plain(backup)? {
        return Ok(backup.to_owned());
    }
    crate::crypto::convert::export_encrypted(backup, scratch, key).map_err(refused)?;
    Ok(scratch.to_owned())
}

/// Refuses a file that is not a whole Jalons database of this version or older.
fn check_backup(path: &Path, key: &DataKey) -> Result<()> {
    let conn = catalogue::open_read_only(path, key).map_err(refused)?;
    opening::check_contents(&conn, path).map_err(refused)?;
    migrations::check_not_newer(&conn).map_err(refused)?;
    if migrations::schema_version(&conn)? == 0 {
        return Err(Error::new(
            ErrorCode::NotJalons,
            "Cette sauvegarde est vide\u{a0}: elle ne peut pas être restaurée.",
        ));
    }
    Ok(())
}

impl Store {
    /// Replaces the data with the backup at `backup`, found in the backup folder `dir`;
    /// a safety backup of the current state is written there first.
    pub fn restore(&mut self, backup: &Path, dir: &Path, now: NaiveDateTime) -> Result<Restored> {
        let db = self
            .path()
            .map(Path::to_owned)
            .ok_or_else(|| Error::conflict(None, "Une base en mémoire ne se restaure pas."))?;
        let key = self.key()?.clone();
        let scratch = durable::partial_path(&db.with_extension("restauration"));
        let restored = (|| {
            let backup = encrypted(backup, &key, &scratch)?;
            check_backup(&backup, &key)?;
            let safety = take(&db, &key, dir, BackupReason::BeforeRestore, now)?;
            let source = catalogue::open_read_only(&backup, &key)?;
            // The people erased since the backup was taken are erased again from it.
            let erased = crate::privacy::tombstones(self.conn())?;
            self.replace_with(&source)?;
            copy_files(&hashes_of(&backup, &key)?, &key, &files_of(dir), &files_dir_of(&db))?;
            self.reapply_erasures(&erased)?;
            self.sweep_files()?;
            Ok(Restored { safety: Some(safety), set_aside: None })
        })();
        let _ = std::fs::remove_file(&scratch);
        restored
    }
}

/// The name a damaged database is set aside under, beside it.
fn aside_name(db: &Path, now: NaiveDateTime) -> PathBuf {
    db.with_file_name(format!("{}-endommagee-{}.sqlite", catalogue::base_of(db), now.format("%Y-%m-%d-%H%M%S")))
}

/// Puts the backup at `backup` in place of the database at `db`, which cannot be opened
/// (damaged, or not a Jalons database): the file and its WAL are renamed aside, kept. The
/// caller holds the database's lock and opens the store afterwards.
pub fn recover(db: &Path, key: &DataKey, backup: &Path, dir: &Path, now: NaiveDateTime) -> Result<Restored> {
    let scratch = durable::partial_path(&db.with_extension("restauration"));
    let recovered = (|| {
        let backup = encrypted(backup, key, &scratch)?;
        check_backup(&backup, key)?;
        put_in_place(db, key, &backup, dir, now)
    })();
    let _ = std::fs::remove_file(&scratch);
    recovered
}

fn put_in_place(db: &Path, key: &DataKey, backup: &Path, dir: &Path, now: NaiveDateTime) -> Result<Restored> {
    let aside = aside_name(db, now);
    let moved = |e: std::io::Error| Error::io("La base endommagée n'a pas pu être mise de côté", &e);
    if db.exists() {
        std::fs::rename(db, &aside).map_err(moved)?;
    }
    for suffix in ["-wal", "-shm"] {
        let (mut from, mut to) = (db.as_os_str().to_owned(), aside.as_os_str().to_owned());
        from.push(suffix);
        to.push(suffix);
        if Path::new(&from).exists() {
            std::fs::rename(&from, &to).map_err(moved)?;
        }
    }
    durable::copy_file(backup, db, "La sauvegarde n'a pas pu être copiée à la place de la base")?;
    copy_files(&hashes_of(backup, key)?, key, &files_of(dir), &files_dir_of(db))?;
    Ok(Restored { safety: None, set_aside: Some(aside.display().to_string()) })
}

impl Store {
    /// Copies every page of `source` over the live database in one transaction, then
    /// brings the schema of an older backup up to date.
    fn replace_with(&mut self, source: &rusqlite::Connection) -> Result<()> {
        // SQLCipher answers `page_size` as text (`cipher_page_size`), SQLite as a number.
        let page_size = |c: &rusqlite::Connection| {
            c.pragma_query_value(None, "page_size", |r| match r.get_ref(0)? {
                rusqlite::types::ValueRef::Integer(n) => Ok(n),
                other => Ok(other.as_str().ok().and_then(|t| t.parse().ok()).unwrap_or(0)),
            })
        };
        if page_size(source)? != page_size(self.conn())? {
            return Err(Error::new(
                ErrorCode::NotJalons,
                "Cette sauvegarde n'a pas été écrite par Jalons (taille de page différente)\u{a0}: elle ne peut pas être restaurée.",
            ));
        }
        {
            let backup = Backup::new(source, self.conn_mut())?;
            while backup.step(-1)? != StepResult::Done {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
        self.conn().pragma_update(None, "journal_mode", "WAL")?;
        migrations::migrate(self.conn_mut())
    }
}
