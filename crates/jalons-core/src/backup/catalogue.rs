//! The backups of a folder: their names (`<base>-2026-12-01-093012-manuelle.sqlite`), and
//! what each holds, read from the file itself without writing to it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex, MutexGuard, PoisonError};
use std::time::SystemTime;

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::crypto::DataKey;
use crate::store::opening;
use serde::Serialize;
use ts_rs::TS;

use crate::labels::labelled_enum;
use crate::{Error, ErrorCode, Result};

labelled_enum! {
    /// Why a backup was taken; its code ends the file name.
    BackupReason, "la raison de la sauvegarde" {
        Manual => "manuelle", "Sauvegarde demandée";
        Start => "demarrage", "Au démarrage";
        Auto => "automatique", "Après des modifications";
        Quit => "fermeture", "À la fermeture";
        BeforeRestore => "avant_restauration", "Avant une restauration";
    }
}

/// One backup, as the list in Paramètres and the restore dialog show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupInfo {
    /// The file's name in the backup folder: the one handle the UI sends back.
    pub file_name: String,
    /// When it was taken, local time, `2026-12-01T09:30:12`.
    pub taken_at: String,
    pub reason: BackupReason,
    pub reason_label: String,
    /// Bytes of the database copy (attached files are shared between backups).
    pub size: i64,
    /// None when the file cannot be read as a Jalons database.
    pub holds: Option<Holding>,
}

/// What a database holds, to tell one backup from another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Holding {
    pub structures: i64,
    pub cases: i64,
    /// The last change recorded in the audit trail, UTC RFC 3339.
    pub last_change: Option<String>,
}

pub(crate) fn holding(conn: &Connection) -> rusqlite::Result<Holding> {
    let count = |table: &str| conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get::<_, i64>(0));
    Ok(Holding { structures: count("structures")?, cases: count("cases")?, last_change: last_change(conn)? })
}

/// The date of the chain's last row, read along its `seq` index: `MAX(at)` read the whole
/// trail (hundreds of MiB at a large DLA), for each backup listed. A file from before the
/// chain (schema 15 and older) has no `seq`, and is read the long way.
fn last_change(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let last = conn.query_row("SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1", [], |r| r.get(0)).optional();
    match last {
        Ok(at) => Ok(at),
        Err(_) => conn.query_row("SELECT MAX(at) FROM audit_log", [], |r| r.get(0)),
    }
}

const STAMP: &str = "%Y-%m-%d-%H%M%S";
const STAMP_LEN: usize = 17;

pub(crate) fn file_name(base: &str, at: NaiveDateTime, reason: BackupReason) -> String {
    format!("{base}-{}-{}.sqlite", at.format(STAMP), reason.code())
}

/// Reads a name Jalons wrote for a backup of `base`; anything else is not one.
pub(crate) fn parse_name(base: &str, name: &str) -> Option<(NaiveDateTime, BackupReason)> {
    let rest = name.strip_prefix(base)?.strip_prefix('-')?.strip_suffix(".sqlite")?;
    let (stamp, code) = (rest.get(..STAMP_LEN)?, rest.get(STAMP_LEN..)?.strip_prefix('-')?);
    let reason = BackupReason::ALL.iter().copied().find(|r| r.code() == code)?;
    Some((NaiveDateTime::parse_from_str(stamp, STAMP).ok()?, reason))
}

/// The base of a database's backup names: its file stem.
pub(crate) fn base_of(db: &Path) -> String {
    db.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "jalons".into())
}

/// Opens a backup read-only, as immutable, so that reading it can neither write to it nor
/// leave a journal beside it; it must open with the database's key.
pub(crate) fn open_read_only(path: &Path, key: &DataKey) -> Result<Connection> {
    let uri = format!("file:{}?immutable=1", uri_path(path));
    opening::connect(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        key,
    )
}

/// A path in a `file:` URI: `%`, `?` and `#` escaped, so that a folder named with them is
/// still this folder.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

pub(crate) fn describe(path: &Path, key: &DataKey, at: NaiveDateTime, reason: BackupReason) -> BackupInfo {
    let size = std::fs::metadata(path).map(|m| i64::try_from(m.len()).unwrap_or(i64::MAX)).unwrap_or(0);
    BackupInfo {
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        taken_at: at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        reason,
        reason_label: reason.label().to_owned(),
        size,
        holds: held_by(path, key),
    }
}

/// A backup file as last seen: its size and modification time.
type Seen = (u64, SystemTime);

type Held = HashMap<PathBuf, (Seen, Holding)>;

/// What each backup file held when last read. A backup is never written again, and reading
/// one opens and counts a whole database (several milliseconds each on a large DLA's file,
/// at every visit of Paramètres); a file of another size or date is read again.
static HELD: LazyLock<Mutex<Held>> = LazyLock::new(Mutex::default);

fn held() -> MutexGuard<'static, Held> {
    HELD.lock().unwrap_or_else(PoisonError::into_inner)
}

fn held_by(path: &Path, key: &DataKey) -> Option<Holding> {
    let meta = std::fs::metadata(path).ok()?;
    let seen = (meta.len(), meta.modified().ok()?);
    let known = held().get(path).cloned();
    if let Some((_, holding)) = known.filter(|(when, _)| *when == seen) {
        return Some(holding);
    }
    let holding = open_read_only(path, key).and_then(|c| Ok(holding(&c)?)).ok()?;
    held().insert(path.to_owned(), (seen, holding.clone()));
    Some(holding)
}

/// Forgets the files no longer in `dir` (rotated away).
fn forget_gone(dir: &Path, listed: &[PathBuf]) {
    held().retain(|path, _| !path.starts_with(dir) || listed.contains(path));
}

/// The backups of `db` found in `dir`, with their date, newest first.
pub(crate) fn entries(dir: &Path, db: &Path) -> Vec<(NaiveDateTime, BackupReason, PathBuf)> {
    let base = base_of(db);
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<_> = read
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            parse_name(&base, &name).map(|(at, reason)| (at, reason, e.path()))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.2.cmp(&a.2)));
    found
}

/// When the newest backup of `db` in `dir` was taken, read from the names alone: whether a
/// backup is due at start is known without opening any.
pub fn newest(dir: &Path, db: &Path) -> Option<NaiveDateTime> {
    entries(dir, db).first().map(|(at, _, _)| *at)
}

/// The backups of `db` in `dir`, newest first, each with what it holds.
pub fn list(dir: &Path, db: &Path, key: &DataKey) -> Vec<BackupInfo> {
    let entries = entries(dir, db);
    forget_gone(dir, &entries.iter().map(|(_, _, path)| path.clone()).collect::<Vec<_>>());
    entries.into_iter().map(|(at, reason, path)| describe(&path, key, at, reason)).collect()
}

/// The path of a backup the UI names by its file name: only a name Jalons writes for this
/// database, in this folder, and present there.
pub fn resolve(dir: &Path, db: &Path, file_name: &str) -> Result<PathBuf> {
    let missing = || {
        Error::new(
            ErrorCode::NotFound,
            format!("La sauvegarde «\u{a0}{file_name}\u{a0}» n'est pas dans le dossier des sauvegardes."),
        )
    };
    parse_name(&base_of(db), file_name).ok_or_else(missing)?;
    let path = dir.join(file_name);
    if !path.is_file() {
        return Err(missing());
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_change_is_read_from_the_chain_and_from_a_file_older_than_it() {
        let migrations = crate::store::migrations::MIGRATIONS;
        let chain = migrations.iter().position(|m| m.contains("audit_head")).unwrap();
        for applied in [chain, migrations.len()] {
            let conn = crate::store::bare_connection();
            for m in &migrations[..applied] {
                conn.execute_batch(m).unwrap();
            }
            assert_eq!(holding(&conn).unwrap().last_change, None, "an empty trail");
            let chained = applied > chain;
            for (i, (at, seq)) in
                [("2026-11-02T09:00:00Z", 1), ("2026-12-01T08:28:00Z", 2), ("2026-11-20T10:00:00Z", 3)]
                    .into_iter()
                    .enumerate()
            {
                let (column, value) = if chained { (", seq", format!(", {seq}")) } else { ("", String::new()) };
                conn.execute_batch(&format!(
                    "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes{column})
                     VALUES ('a{i}', '{at}', 'Camille', 'structure', 's', 'update', '[]'{value})"
                ))
                .unwrap();
            }
            // The chain's last row (written last, whatever its clock said), or the latest date.
            let expected = if chained { "2026-11-20T10:00:00Z" } else { "2026-12-01T08:28:00Z" };
            assert_eq!(holding(&conn).unwrap().last_change.as_deref(), Some(expected), "schema {applied}");
        }
    }

    #[test]
    fn what_a_backup_holds_is_read_once_then_again_when_its_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("jalons.sqlite");
        let key = DataKey::generate().unwrap();
        let backup = dir.path().join("jalons-2026-12-01-093012-manuelle.sqlite");
        drop(crate::Store::open(&backup, &key).unwrap());
        let holds = || list(dir.path(), &db, &key).into_iter().map(|b| b.holds).collect::<Vec<_>>();
        let empty = Holding { structures: 0, cases: 0, last_change: None };
        assert_eq!(holds(), [Some(empty.clone())]);
        // Bytes that hold no database, of the same size and date: what was read stands.
        let when = std::fs::metadata(&backup).unwrap().modified().unwrap();
        std::fs::write(&backup, vec![0u8; usize::try_from(std::fs::metadata(&backup).unwrap().len()).unwrap()])
            .unwrap();
        let file = std::fs::File::options().write(true).open(&backup).unwrap();
        file.set_modified(when).unwrap();
        assert_eq!(holds(), [Some(empty)]);
        // Another date: the file is read again, and holds nothing readable.
        file.set_modified(when + std::time::Duration::from_secs(1)).unwrap();
        assert_eq!(holds(), [None]);
        // The newest is known from the names, whatever the files hold.
        std::fs::write(dir.path().join("jalons-2026-12-02-080000-demarrage.sqlite"), b"x").unwrap();
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap();
        assert_eq!(newest(dir.path(), &db), Some(at("2026-12-02 08:00:00")));
        assert_eq!(newest(&dir.path().join("ailleurs"), &db), None);
    }

    #[test]
    fn names_are_read_back_and_nothing_else_passes_for_one() {
        let at = NaiveDateTime::parse_from_str("2026-12-01 09:30:12", "%Y-%m-%d %H:%M:%S").unwrap();
        let name = file_name("jalons", at, BackupReason::BeforeRestore);
        assert_eq!(name, "jalons-2026-12-01-093012-avant_restauration.sqlite");
        assert_eq!(parse_name("jalons", &name), Some((at, BackupReason::BeforeRestore)));
        for other in [
            "autre-2026-12-01-093012-manuelle.sqlite",
            "jalons-2026-12-01-093012-inconnue.sqlite",
            "jalons-2026-13-01-093012-manuelle.sqlite",
            "jalons-2026-12-01-093012-manuelle.sqlite.partiel",
            "../jalons-2026-12-01-093012-manuelle.sqlite",
            "jalons-2026-12-01-093012-manuelle.sqlite/../../x",
        ] {
            assert_eq!(parse_name("jalons", other), None, "{other}");
        }
    }

    #[test]
    fn resolve_refuses_a_name_outside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let db = Path::new("/tmp/jalons.sqlite");
        let e = resolve(dir.path(), db, "../../etc/passwd").unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound);
        assert!(resolve(dir.path(), db, "jalons-2026-12-01-093012-manuelle.sqlite").is_err());
    }
}
