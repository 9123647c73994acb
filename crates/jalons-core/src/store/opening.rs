//! What is checked before Jalons works on a database file, without writing to it: that it
//! can be written, that it is a Jalons database, and that it is whole. Each refusal says
//! in French what is wrong and what to do.

use std::io::Read;
use std::path::Path;
use std::sync::Once;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::crypto::DataKey;

use crate::{Error, ErrorCode, Result};

/// `PRAGMA application_id` of a Jalons database (« JLNS »), so that another program's
/// SQLite file is recognised as such.
pub const APPLICATION_ID: i64 = 0x4A4C_4E53;

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// A file or folder whose write bits are all off was made read-only on purpose, even when
/// the system would let this account write (root): Jalons refuses rather than chmod it.
fn read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
        || (path.is_file() && std::fs::OpenOptions::new().append(true).open(path).is_err())
}

pub(crate) fn check_writable(path: &Path) -> Result<()> {
    if path.exists() && read_only(path) {
        return Err(Error::new(
            ErrorCode::ReadOnly,
            format!(
                "Le fichier {} est en lecture seule\u{a0}: Jalons ne pourrait pas y enregistrer votre travail. \
                 Retirez sa protection en écriture, ou copiez-le dans un dossier à vous, puis rouvrez-le.",
                path.display()
            ),
        ));
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if read_only(dir) {
        return Err(Error::new(
            ErrorCode::ReadOnly,
            format!(
                "Le dossier {} est en lecture seule\u{a0}: Jalons doit pouvoir y écrire à côté de la base \
                 (journal des transactions, pièces jointes). Copiez le fichier dans un dossier à vous, \
                 puis rouvrez-le.",
                dir.display()
            ),
        ));
    }
    Ok(())
}

fn not_jalons(path: &Path) -> Error {
    Error::new(
        ErrorCode::NotJalons,
        format!(
            "Le fichier {} ne s'ouvre pas avec la clé de cette base\u{a0}: ce n'est pas une base de données \
             Jalons (c'est peut-être un autre document, ou il a été remplacé), ou elle a été chiffrée avec une \
             autre clé. Jalons ne l'a pas modifié.",
            path.display()
        ),
    )
}

pub(crate) fn damaged(path: &Path, detail: &str) -> Error {
    Error::new(
        ErrorCode::Damaged,
        format!(
            "La base {} est endommagée ({detail})\u{a0}: Jalons ne peut pas s'y fier. Restaurez la dernière \
             sauvegarde saine\u{202f}; le fichier endommagé sera gardé à côté, renommé.",
            path.display()
        ),
    )
}

/// A file that begins with SQLite's header is a plain database: an earlier Jalons wrote it,
/// and the app encrypts it before use (crypto::convert), or another program did.
pub fn is_plain(path: &Path) -> Result<bool> {
    let Ok(mut file) = std::fs::File::open(path) else {
        return Ok(false);
    };
    let mut head = Vec::with_capacity(16);
    file.by_ref().take(16).read_to_end(&mut head).map_err(|e| Error::io("La base n'a pas pu être lue", &e))?;
    Ok(head == SQLITE_HEADER)
}

/// An encrypted file looks random from its first byte: a plain one is refused here, to be
/// converted by the app rather than opened as it is.
pub(crate) fn check_encrypted(path: &Path) -> Result<()> {
    if is_plain(path)? {
        let plain =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        check_kind(&plain, path)?;
        return Err(Error::new(
            ErrorCode::Unencrypted,
            format!(
                "La base {} n'est pas chiffrée\u{a0}: ouvrez-la une fois avec l'application Jalons, qui la chiffre \
                 après en avoir vérifié la copie chiffrée.",
                path.display()
            ),
        ));
    }
    Ok(())
}

/// Opens a connection and gives it the key before any other statement; a file that does
/// not open with it (another key, or not a database at all) is refused by the first read.
pub(crate) fn connect(path: impl AsRef<Path>, flags: OpenFlags, key: &DataKey) -> Result<Connection> {
    let path = path.as_ref();
    wait_for_sqlcipher();
    let conn = Connection::open_with_flags(path, flags)?;
    conn.execute_batch(&key.pragma())?;
    // A wrong key is answered as an error here; SQLCipher's own log of it would only
    // clutter the console.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(())).map_err(|e| read_error(e, path))?;
    Ok(conn)
}

/// SQLite counts itself started before SQLCipher's own start has run (SQLITE_EXTRA_INIT
/// comes after `isInit`), so a thread opening its first connection while another thread
/// starts SQLite is refused any key (« sqlcipher not initialized »). The first keyed
/// connection of the process waits, once, until a throwaway in-memory database takes a
/// key. Should SQLCipher never start, the real key is then refused with its own error.
fn wait_for_sqlcipher() {
    static READY: Once = Once::new();
    READY.call_once(|| {
        for _ in 0..2_000 {
            if Connection::open_in_memory().and_then(|c| c.execute_batch("PRAGMA key = 'ready';")).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    });
}

/// Reads the header fields and the schema: another program's file is refused here.
pub(crate) fn check_kind(conn: &Connection, path: &Path) -> Result<()> {
    let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|e| read_error(e, path))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| read_error(e, path))?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| read_error(e, path))?;
    let foreign = (app_id != 0 && app_id != APPLICATION_ID)
        || (version == 0 && !tables.is_empty())
        || (version > 0 && !tables.iter().any(|t| t == "settings"));
    if foreign {
        return Err(not_jalons(path));
    }
    Ok(())
}

fn read_error(e: rusqlite::Error, path: &Path) -> Error {
    match Error::from(e) {
        e if e.code == ErrorCode::NotJalons => not_jalons(path),
        e if e.code == ErrorCode::Damaged => damaged(path, "sa structure est illisible"),
        e => e,
    }
}

/// `quick_check` and `foreign_key_check`: they read the whole file, so the app runs them
/// beside its first screen rather than before it.
pub(crate) fn check_integrity(conn: &Connection, path: &Path) -> Result<()> {
    let problems: Vec<String> = conn
        .prepare("PRAGMA quick_check(5)")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| read_error(e, path))?;
    if problems.first().map(String::as_str) != Some("ok") {
        return Err(damaged(path, "des pages de la base sont abîmées"));
    }
    let broken_links: bool = conn
        .query_row("SELECT EXISTS (SELECT 1 FROM pragma_foreign_key_check)", [], |r| r.get(0))
        .map_err(|e| read_error(e, path))?;
    if broken_links {
        return Err(damaged(path, "des fiches renvoient à des fiches qui n'existent plus"));
    }
    Ok(())
}

/// Everything a file must pass before Jalons trusts it: its kind, then its integrity.
pub(crate) fn check_contents(conn: &Connection, path: &Path) -> Result<()> {
    check_kind(conn, path)?;
    check_integrity(conn, path)
}
