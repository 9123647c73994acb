//! The SQLite store: one connection, the pragmas, migrations, and the single write path
//! that also writes the audit trail.

pub mod audit;
pub mod chain;
pub(crate) mod changes_text;
pub mod check_schedule;
mod lock;
pub mod migrations;
pub(crate) mod opening;
mod settings;
mod words;

pub use lock::DbLock;
pub use opening::is_plain;

pub use settings::Settings;
#[cfg(test)]
pub(crate) use words::query_plan;
pub(crate) use words::{begins_with, escaped, every_word_in, words};

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Savepoint, TransactionBehavior};

use chrono::NaiveDate;

use crate::clock::Clock;
use crate::crypto::DataKey;
use crate::{Error, Result, durable};

pub struct Store {
    conn: Connection,
    /// Where attached files are kept: `<name>-fichiers` beside the database file; none for
    /// a database in memory.
    pub(crate) files_dir: Option<PathBuf>,
    path: Option<PathBuf>,
    /// Held while the store is open: one Jalons per file.
    _lock: Option<DbLock>,
    clock: Clock,
    /// The key of the database file; none in memory.
    key: Option<DataKey>,
    /// The file as the store found it, before it wrote anything (see `check_schedule`).
    file_at_open: Option<check_schedule::Fingerprint>,
    /// The last period report the Observatoire counted (indicators/memo.rs).
    pub(crate) report_memo: crate::indicators::ReportMemo,
}

/// A read-only view of the store's connection; see `Store::read`.
pub struct ReadOnly<'a>(&'a Connection);

impl std::ops::Deref for ReadOnly<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.0
    }
}

impl Drop for ReadOnly<'_> {
    fn drop(&mut self) {
        let _ = self.0.pragma_update(None, "query_only", false);
    }
}

/// What a write closure gets: the open transaction and the name to record as author.
/// A savepoint rather than a plain transaction, so that writes can nest (the demo loader
/// wraps many writes in one).
pub struct WriteCtx<'a> {
    pub tx: Savepoint<'a>,
    pub actor: String,
    /// One instant for every row the write stamps, read once from the store's clock.
    pub now: String,
    pub today: NaiveDate,
}

impl WriteCtx<'_> {
    pub fn audit(
        &self,
        entity: &str,
        entity_id: &str,
        action: &str,
        before: Option<&serde_json::Value>,
        after: Option<&serde_json::Value>,
    ) -> Result<()> {
        audit::record(self, &self.actor, entity, entity_id, action, before, after)
    }

    /// Changes one record and audits it: loads it, applies `change` (which sees the record
    /// as it was), loads it again and records the difference.
    pub fn audited<T: serde::Serialize>(
        &self,
        entity: &str,
        id: &str,
        action: &str,
        load: impl Fn(&Connection, &str) -> Result<T>,
        change: impl FnOnce(&T) -> Result<()>,
    ) -> Result<T> {
        let before = load(&self.tx, id)?;
        change(&before)?;
        let after = load(&self.tx, id)?;
        self.audit(entity, id, action, Some(&serde_json::to_value(&before)?), Some(&serde_json::to_value(&after)?))?;
        Ok(after)
    }
}

impl Store {
    /// Opens (creating if needed) the encrypted database file with its key and brings its
    /// schema up to date. Refuses, each with its own French message, a file another Jalons
    /// has open, a read-only file or folder, a plain (not yet encrypted) file, a file that
    /// does not open with this key or is not a Jalons database, one from a newer Jalons
    /// and a damaged one; none of these checks writes to the file.
    pub fn open(path: &Path, key: &DataKey) -> Result<Self> {
        Self::open_with(path, key, true)
    }

    /// As `open`, leaving the integrity checks that read the whole file (a second or more
    /// on a large database) to `check_integrity`, which the app runs beside its first
    /// screen.
    pub fn open_then_check(path: &Path, key: &DataKey) -> Result<Self> {
        Self::open_with(path, key, false)
    }

    /// Whether opening this file will first bring its schema up to date: a migration of a
    /// large database can take a while, which the window says. A file that does not open
    /// here is not said to need one (opening it says why).
    pub fn needs_update(path: &Path, key: &DataKey) -> bool {
        path.exists()
            && opening::connect(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX, key)
                .and_then(|conn| migrations::schema_version(&conn))
                .is_ok_and(|version| version < migrations::MIGRATIONS.len())
    }

    /// `quick_check` and `foreign_key_check` on a connection of their own: the store
    /// goes on answering meanwhile.
    pub fn check_integrity(path: &Path, key: &DataKey) -> Result<()> {
        let conn = opening::connect(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX, key)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        opening::check_integrity(&conn, path)
    }

    fn open_with(path: &Path, key: &DataKey, check_integrity: bool) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("Le dossier de la base n'a pas pu être créé", &e))?;
        }
        opening::check_writable(path)?;
        let lock = DbLock::acquire(path)?;
        opening::check_encrypted(path)?;
        let file_at_open = check_schedule::Fingerprint::of(path);
        let conn = opening::connect(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            key,
        )?;
        conn.busy_timeout(Duration::from_secs(5))?;
        opening::check_kind(&conn, path)?;
        if check_integrity {
            opening::check_integrity(&conn, path)?;
        }
        // A page that cannot be read while migrating or sweeping: the file is damaged.
        let unreadable = |e: Error| match e.code {
            crate::ErrorCode::Damaged => opening::damaged(path, "une partie de son contenu est illisible"),
            _ => e,
        };
        let mut store = Self::init(conn).map_err(unreadable)?;
        for suffix in ["", "-wal", "-shm"] {
            let mut file = path.as_os_str().to_owned();
            file.push(suffix);
            let _ = durable::owner_only_file(Path::new(&file));
        }
        store.path = Some(path.to_owned());
        store.files_dir = Some(files_dir_of(path));
        store._lock = Some(lock);
        store.key = Some(key.clone());
        store.file_at_open = file_at_open;
        store.sweep_files().map_err(unreadable)?;
        Ok(store)
    }

    /// A second connection to a database file already opened (and migrated) by its store,
    /// that only reads: a list, a search or a page answers on it while the store writes,
    /// WAL showing it the last commit without waiting for the next. SQLite refuses any
    /// write made through it.
    pub fn open_reader(path: &Path, key: &DataKey, clock: Clock) -> Result<Self> {
        let conn = opening::connect(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX, key)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "query_only", true)?;
        prepare_connection(&conn)?;
        Ok(Self {
            conn,
            files_dir: Some(files_dir_of(path)),
            path: Some(path.to_owned()),
            _lock: None,
            clock,
            key: Some(key.clone()),
            file_at_open: None,
            report_memo: Default::default(),
        })
    }

    pub fn open_in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Self> {
        conn.busy_timeout(Duration::from_secs(5))?;
        migrations::check_not_newer(&conn)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Deleted rows are overwritten, not left in free pages for whoever has the key.
        conn.pragma_update(None, "secure_delete", "ON")?;
        prepare_connection(&conn)?;
        let version = migrations::schema_version(&conn)?;
        migrations::migrate(&mut conn)?;
        chain::seal_unsealed(&mut conn)?;
        if migrations::schema_version(&conn)? > version {
            reclaim_after_update(&conn);
        }
        Ok(Self {
            conn,
            files_dir: None,
            path: None,
            _lock: None,
            clock: Clock::system(),
            key: None,
            file_at_open: None,
            report_memo: Default::default(),
        })
    }

    /// Fixes the day and time the store works with (tests, benches); the computer's clock
    /// otherwise.
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// What the database file was when this store opened it, before anything was written:
    /// whether it is still the file Jalons last closed (`check_schedule`).
    pub fn file_at_open(&self) -> Option<check_schedule::Fingerprint> {
        self.file_at_open
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// The core's own reads. Writes go through `write`, which audits them.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The database for reading from outside the core (the CLI's checks and benches, the
    /// tests): SQLite itself refuses any write made through it (`query_only`).
    pub fn read(&self) -> Result<ReadOnly<'_>> {
        self.conn.pragma_update(None, "query_only", true)?;
        Ok(ReadOnly(&self.conn))
    }

    /// Runs many writes as one: all of them or none (the demo data, a bench's load).
    pub fn all_or_nothing<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        match f(self) {
            Ok(out) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(out)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// For replacing the whole database from a backup only: every other write goes
    /// through `write`.
    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The key of the database file; none in memory.
    pub fn key(&self) -> Result<&DataKey> {
        self.key.as_ref().ok_or_else(|| Error::conflict(None, "Une base en mémoire n'a pas de clé."))
    }

    /// The database file; none in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Rows changed through this store since it was opened: the backups compare it with
    /// the count at the last backup to know whether there is anything new to keep.
    pub fn total_changes(&self) -> u64 {
        self.conn.total_changes()
    }

    /// Ends a transaction a panic left open, so that the next command starts clean.
    pub fn recover_from_panic(&self) {
        if !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }

    /// Folds the WAL back into the database file as far as no reader stops it, so that the
    /// file alone holds the work (closing the store folds all of it and removes the WAL).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// The one write path: runs `f` in a transaction with the author's name; commits only
    /// if `f` succeeds, so a rejected write changes nothing. The outermost write takes the
    /// write lock up front (`BEGIN IMMEDIATE`), so that it waits for another writer instead
    /// of failing halfway.
    pub fn write<T>(&mut self, f: impl FnOnce(&WriteCtx<'_>) -> Result<T>) -> Result<T> {
        let actor = Settings::load(&self.conn)?.user_name.unwrap_or_else(|| "Utilisateur local".to_owned());
        let (now, today) = (self.clock.stamp(), self.clock.today());
        if !self.conn.is_autocommit() {
            let ctx = WriteCtx { tx: self.conn.savepoint()?, actor, now, today };
            let out = f(&ctx)?;
            ctx.tx.commit()?;
            return Ok(out);
        }
        let mut tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = {
            let ctx = WriteCtx { tx: tx.savepoint()?, actor, now, today };
            let out = f(&ctx)?;
            ctx.tx.commit()?;
            out
        };
        tx.commit()?;
        Ok(out)
    }
}

/// After an update that rebuilt a table (0032 rewrote the audit trail), gives the room the
/// old copy left back to the disk when it is a tenth of the file or more (0032 leaves 23 %
/// of a large DLA's file free): the file would otherwise stay the size of both until the
/// data grew into it. Deleted pages are already
/// overwritten (`secure_delete`); this is about size. A disk too full for the rewrite leaves
/// the file as it was, whole, and the next update tries again.
fn reclaim_after_update(conn: &Connection) {
    let pages = |pragma: &str| conn.pragma_query_value(None, pragma, |r| r.get::<_, i64>(0)).unwrap_or(0);
    if pages("freelist_count") * 10 >= pages("page_count").max(1) && conn.execute_batch("VACUUM").is_ok() {
        // The rewrite went through the WAL, as large as the file: it is folded back and emptied.
        let _ = conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)");
    }
}

/// Pages kept decrypted in memory by each connection, in KiB (SQLite's default is 2 MiB):
/// a list filtered on one column and sorted on another reads rows all over the table, and
/// each page read again is decrypted again.
const CACHE_KIB: i64 = 16 * 1024;

/// An empty database in memory with what the schema calls (the migrations' tests).
#[cfg(test)]
pub(crate) fn bare_connection() -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    prepare_connection(&conn).unwrap();
    conn
}

/// Every connection of a store: the size of its page cache, and what the queries call that
/// SQLite lacks.
fn prepare_connection(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    // Lists sorted by a name use it (`COLLATE fr`): « État » comes before « Région ».
    conn.create_collation("fr", crate::french::compare)?;
    // `fold(text)`: the accent- and case-free form the word searches compare, which the
    // triggers keeping `engagement_search` call too (innocuous: a schema may use it).
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| Ok(crate::values::fold(&ctx.get::<Option<String>>(0)?.unwrap_or_default())),
    )?;
    Ok(())
}

/// Where attached files are kept: `<name>-fichiers` beside the database.
pub fn files_dir_of(db: &Path) -> PathBuf {
    let stem = db.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "jalons".into());
    db.with_file_name(format!("{stem}-fichiers"))
}
