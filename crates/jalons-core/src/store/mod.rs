//! The SQLite store: one connection, the pragmas, migrations, and the single write path
//! that also writes the audit trail.

pub mod audit;
pub mod migrations;
mod settings;
mod words;

pub use settings::Settings;
pub(crate) use words::every_word_in;

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Savepoint};

use crate::{Error, Result};

pub struct Store {
    conn: Connection,
    /// Where attached files are kept: `<name>-fichiers` beside the database file; none for
    /// a database in memory.
    pub(crate) files_dir: Option<std::path::PathBuf>,
}

/// What a write closure gets: the open transaction and the name to record as author.
/// A savepoint rather than a plain transaction, so that writes can nest (the demo loader
/// wraps many writes in one).
pub struct WriteCtx<'a> {
    pub tx: Savepoint<'a>,
    pub actor: String,
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
        audit::record(&self.tx, &self.actor, entity, entity_id, action, before, after)
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

/// The database holds personal data of volunteers and staff: no other account on the
/// machine may read it, nor its WAL and shared-memory companions.
#[cfg(unix)]
fn owner_only(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        let file = Path::new(&file);
        if file.exists() {
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))
                .map_err(|e| Error::internal(format!("Impossible de protéger le fichier {} : {e}", file.display())))?;
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn owner_only(_path: &Path) -> Result<()> {
    Ok(())
}

impl Store {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::internal(format!("Impossible de créer le dossier {} : {e}", dir.display())))?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| Error::internal(format!("Impossible d'ouvrir la base {} : {e}", path.display())))?;
        let mut store = Self::init(conn)?;
        owner_only(path)?;
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "jalons".into());
        store.files_dir = Some(path.with_file_name(format!("{stem}-fichiers")));
        Ok(store)
    }

    pub fn open_in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Self> {
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::migrate(&mut conn)?;
        Ok(Self { conn, files_dir: None })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The one write path: runs `f` in a transaction with the author's name; commits only
    /// if `f` succeeds, so a rejected write changes nothing.
    pub fn write<T>(&mut self, f: impl FnOnce(&WriteCtx<'_>) -> Result<T>) -> Result<T> {
        let actor = Settings::load(&self.conn)?.user_name.unwrap_or_else(|| "Utilisateur local".to_owned());
        let ctx = WriteCtx { tx: self.conn.savepoint()?, actor };
        let out = f(&ctx)?;
        ctx.tx.commit()?;
        Ok(out)
    }
}
