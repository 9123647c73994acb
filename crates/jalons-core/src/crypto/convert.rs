//! From plain to encrypted: a plain database (an earlier Jalons, or a plain backup of it)
//! is exported into a new encrypted file with `sqlcipher_export`, the copy checked table by
//! table against the original, and only then put in the original's place; the plain file
//! is then overwritten before it is removed.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::DataKey;
use crate::store::opening;
use crate::{Error, Result, durable};

/// Where the plain original waits, between the rename and its overwriting.
fn aside_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-avant-chiffrement");
    PathBuf::from(name)
}

fn failed(e: impl std::fmt::Display) -> Error {
    Error::internal(format!("La base n'a pas pu être chiffrée ({e})\u{202f}; elle est restée telle quelle."))
}

fn counts(conn: &Connection, schema: &str) -> Result<Vec<(String, i64)>> {
    let tables: Vec<String> = conn
        .prepare(&format!(
            "SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        ))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tables
        .into_iter()
        .map(|t| {
            let n =
                conn.query_row(&format!("SELECT count(*) FROM {schema}.\"{}\"", t.replace('"', "\"\"")), [], |r| {
                    r.get(0)
                })?;
            Ok((t, n))
        })
        .collect()
}

/// Folds a plain database's WAL into its file and leaves it a single file, so that a
/// read-only reader sees all of it.
fn fold_wal(plain: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(plain, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    opening::check_kind(&conn, plain)?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    conn.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
    Ok(())
}

/// Writes an encrypted copy of the plain database `plain` at `target` (replaced if there),
/// and checks that it opens with `key`, is whole and holds the same rows. The plain file
/// is only read (a backup from elsewhere is left exactly as it was).
pub fn export_encrypted(plain: &Path, target: &Path, key: &DataKey) -> Result<()> {
    let _ = std::fs::remove_file(target);
    let source =
        Connection::open_with_flags(plain, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    opening::check_contents(&source, plain)?;
    let version: i64 = source.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let app_id: i64 = source.pragma_query_value(None, "application_id", |r| r.get(0))?;
    drop(source);
    let exported = (|| -> Result<()> {
        let conn = opening::connect(
            target,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            key,
        )?;
        // An empty key: the attached file is read as the plain database it is.
        conn.execute("ATTACH DATABASE ?1 AS source_db KEY ?2", [plain.to_string_lossy().as_ref(), ""])?;
        conn.query_row("SELECT sqlcipher_export('main', 'source_db')", [], |_| Ok(()))?;
        conn.execute_batch(&format!("PRAGMA main.user_version = {version}; PRAGMA main.application_id = {app_id};"))?;
        let same = counts(&conn, "main")? == counts(&conn, "source_db")?;
        conn.execute_batch("DETACH DATABASE source_db")?;
        drop(conn);
        if !same {
            return Err(failed("la copie chiffrée ne contient pas les mêmes lignes"));
        }
        let copy = opening::connect(target, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX, key)?;
        opening::check_contents(&copy, target)?;
        drop(copy);
        durable::owner_only_file(target).map_err(|e| Error::io("La copie chiffrée n'a pas pu être protégée", &e))?;
        std::fs::File::open(target).and_then(|f| f.sync_all()).map_err(failed)
    })();
    if exported.is_err() {
        let _ = std::fs::remove_file(target);
    }
    exported
}

/// Overwrites a file with zeros, syncs it, then removes it, so that its content is not left
/// in the disk's free blocks (on a hard disk; an SSD may keep older copies of its blocks,
/// which is why the plain file is only ever the one Jalons is leaving).
pub fn shred(path: &Path) -> std::io::Result<()> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(());
    };
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    let zeros = vec![0u8; 1 << 20];
    let mut left = meta.len();
    while left > 0 {
        let n = left.min(zeros.len() as u64) as usize;
        file.write_all(&zeros[..n])?;
        left -= n as u64;
    }
    file.sync_all()?;
    drop(file);
    std::fs::remove_file(path)
}

/// Encrypts the plain database at `db` in place: the encrypted copy is made and checked
/// beside it, the original moved aside, the copy renamed into its place, then the original
/// and its WAL overwritten and removed. A start after a crash in between finishes the work
/// (`finish_interrupted`), so the database is never missing.
pub fn encrypt_in_place(db: &Path, key: &DataKey) -> Result<()> {
    let copy = durable::partial_path(db);
    fold_wal(db)?;
    export_encrypted(db, &copy, key)?;
    let aside = aside_of(db);
    let moved = |e: std::io::Error| Error::io("La base chiffrée n'a pas pu prendre la place de l'ancienne", &e);
    std::fs::rename(db, &aside).map_err(moved)?;
    if let Err(e) = std::fs::rename(&copy, db) {
        let _ = std::fs::rename(&aside, db);
        return Err(moved(e));
    }
    if let Some(dir) = db.parent() {
        durable::sync_dir(dir);
    }
    remove_plain(db)
}

fn remove_plain(db: &Path) -> Result<()> {
    let aside = aside_of(db);
    for suffix in ["-wal", "-shm", ""] {
        let mut plain = db.as_os_str().to_owned();
        if suffix.is_empty() {
            plain = aside.as_os_str().to_owned();
        } else {
            plain.push(suffix);
        }
        shred(Path::new(&plain)).map_err(|e| Error::io("L'ancienne base en clair n'a pas pu être effacée", &e))?;
    }
    Ok(())
}

/// After a crash during `encrypt_in_place`: the plain original found aside goes back in
/// place if the encrypted copy never got there, and is removed if it did.
pub fn finish_interrupted(db: &Path) -> Result<()> {
    let aside = aside_of(db);
    if !aside.exists() {
        return Ok(());
    }
    if db.exists() && !opening::is_plain(db)? {
        return remove_plain(db);
    }
    std::fs::rename(&aside, db).map_err(|e| Error::io("L'ancienne base n'a pas pu être remise en place", &e))
}

/// The hashes of the files a plain database refers to, read without writing to it.
fn plain_hashes(plain: &Path) -> Result<HashSet<String>> {
    let conn = Connection::open_with_flags(plain, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    let mut stmt = conn.prepare("SELECT sha256 FROM stored_files")?;
    let hashes = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<HashSet<_>>>()?;
    Ok(hashes.into_iter().filter(|h| crate::attachments::files::is_hash(h)).collect())
}

/// What `encrypt_everything` converted.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Converted {
    pub database: bool,
    pub backups: usize,
    pub files: usize,
}

/// First start of an encrypting Jalons on the data of an earlier one: the database, then
/// its backups in `backup_dir`, then the attached files of both, each encrypted and checked
/// before its plain version is overwritten and removed. Run again after an interruption,
/// it finishes what is left and touches nothing already encrypted.
pub fn encrypt_everything(db: &Path, key: &DataKey, backup_dir: &Path) -> Result<Converted> {
    let mut done = Converted::default();
    finish_interrupted(db)?;
    if opening::is_plain(db)? {
        let hashes = plain_hashes(db)?;
        encrypt_in_place(db, key)?;
        done.files += hashes.len();
        crate::attachments::files::seal_plain_files(&crate::store::files_dir_of(db), key, &hashes)?;
        done.database = true;
    }
    let mut backup_hashes = HashSet::new();
    for (_, _, backup) in crate::backup::entries(backup_dir, db) {
        finish_interrupted(&backup)?;
        if !opening::is_plain(&backup)? {
            continue;
        }
        // A plain file in the folder that is not a Jalons backup is left as it is.
        let Ok(hashes) = plain_hashes(&backup) else { continue };
        backup_hashes.extend(hashes);
        encrypt_in_place(&backup, key)?;
        done.backups += 1;
    }
    done.files += backup_hashes.len();
    crate::attachments::files::seal_plain_files(&crate::backup::files_of(backup_dir), key, &backup_hashes)?;
    Ok(done)
}
