//! Taking a backup of a live database: its own read-only connection, so that the app goes
//! on answering; every page copied in one step, inside one read transaction, so that the
//! copy is one consistent state; the copy written under a temporary name and renamed once
//! synced. Then the attached files it refers to, then the thinning out of old backups.

use std::collections::HashSet;
use std::path::Path;
use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::OpenFlags;
use rusqlite::backup::{Backup, StepResult};

use super::catalogue::{self, BackupInfo, BackupReason};
use super::{files_of, rotation};
use crate::attachments::files::{is_hash, plain_path, stored_path};
use crate::crypto::DataKey;
use crate::store::{files_dir_of, opening};
use crate::{Error, Result, durable};

fn copy_database(db: &Path, key: &DataKey, target: &Path) -> Result<()> {
    let source = opening::connect(db, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX, key)?;
    source.busy_timeout(Duration::from_secs(5))?;
    let partial = durable::partial_path(target);
    let _ = std::fs::remove_file(&partial);
    let copied = (|| -> Result<()> {
        // Encrypted with the same key: SQLite's backup API copies the pages as they are.
        let mut copy = opening::connect(
            &partial,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            key,
        )?;
        {
            let backup = Backup::new(&source, &mut copy)?;
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    StepResult::More | StepResult::Busy | StepResult::Locked => {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    _ => {}
                }
            }
        }
        // A single file, without WAL: readable as it is, copied as it is.
        copy.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
        drop(copy);
        durable::owner_only_file(&partial).map_err(|e| Error::io("La sauvegarde n'a pas pu être protégée", &e))?;
        std::fs::File::open(&partial)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io("La sauvegarde n'a pas pu être écrite", &e))
    })();
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, target).map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        Error::io("La sauvegarde n'a pas pu être rangée", &e)
    })?;
    if let Some(dir) = target.parent() {
        durable::sync_dir(dir);
    }
    Ok(())
}

/// The hashes of the attached files a database (or a backup) refers to.
pub(crate) fn hashes_of(db: &Path, key: &DataKey) -> Result<HashSet<String>> {
    let conn = catalogue::open_read_only(db, key)?;
    let mut stmt = conn.prepare("SELECT sha256 FROM stored_files")?;
    let hashes = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<HashSet<_>>>()?;
    Ok(hashes.into_iter().filter(|h| is_hash(h)).collect())
}

/// Copies the files of `hashes` from one files folder to another, those missing there
/// only: content addressing makes a file already present the same file. A plain copy left
/// by an earlier Jalons (a backup from before encryption) is sealed on the way.
pub(crate) fn copy_files(hashes: &HashSet<String>, key: &DataKey, from: &Path, to: &Path) -> Result<()> {
    for hash in hashes {
        let (source, target) = (stored_path(from, key, hash)?, stored_path(to, key, hash)?);
        let plain = plain_path(from, hash)?;
        if target.exists() || !(source.is_file() || plain.is_file()) {
            continue;
        }
        if let Some(parent) = target.parent() {
            durable::owner_only_dir(parent)
                .map_err(|e| Error::io("Le dossier des fichiers n'a pas pu être créé", &e))?;
        }
        if source.is_file() {
            durable::copy_file(&source, &target, "Une pièce jointe n'a pas pu être copiée")?;
        } else {
            durable::write_through(&target, "Une pièce jointe n'a pas pu être chiffrée", |to| {
                crate::crypto::sealed::seal(key, &mut std::fs::File::open(&plain)?, to)
            })?;
        }
    }
    Ok(())
}

/// Removes the old backups the rotation lets go, then the attached files no remaining
/// backup refers to.
fn thin_out(dir: &Path, db: &Path, key: &DataKey, now: NaiveDateTime) -> Result<()> {
    let entries = catalogue::entries(dir, db);
    let all: Vec<_> = entries.iter().map(|(at, reason, path)| (*at, *reason, path.clone())).collect();
    for path in rotation::to_remove(&all, now) {
        let _ = std::fs::remove_file(path);
    }
    let mut kept = HashSet::new();
    for (_, _, path) in catalogue::entries(dir, db) {
        match hashes_of(&path, key) {
            Ok(h) => kept.extend(h),
            // A backup that cannot be read keeps every file: nothing is lost by waiting.
            Err(_) => return Ok(()),
        }
    }
    crate::attachments::files::sweep(&files_of(dir), key, &kept);
    Ok(())
}

/// Backs up the database at `db` into `dir`, with its attached files; returns what the
/// new backup holds.
pub fn take(db: &Path, key: &DataKey, dir: &Path, reason: BackupReason, now: NaiveDateTime) -> Result<BackupInfo> {
    if !db.is_file() {
        return Err(Error::not_found(format!("La base {} n'existe pas.", db.display())));
    }
    durable::owner_only_dir(dir).map_err(|e| Error::io("Le dossier des sauvegardes n'a pas pu être créé", &e))?;
    let target = dir.join(catalogue::file_name(&catalogue::base_of(db), now, reason));
    copy_database(db, key, &target)?;
    let copied = hashes_of(&target, key).and_then(|h| copy_files(&h, key, &files_dir_of(db), &files_of(dir)));
    if let Err(e) = copied {
        // A backup without its files would restore attachments that cannot be opened.
        let _ = std::fs::remove_file(&target);
        return Err(e);
    }
    thin_out(dir, db, key, now)?;
    Ok(catalogue::describe(&target, key, now, reason))
}
