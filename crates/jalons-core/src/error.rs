//! The one error type of the core. It is also the IPC error shape: the shell serialises it
//! as `{ code, message, field? }`, and the UI branches on `code`, shows `message` and
//! highlights `field`.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input breaks a rule; `field` names the input field.
    Validation,
    NotFound,
    /// The input clashes with stored data (duplicate SIRET, archived structure...).
    Conflict,
    /// The database could not be read or written.
    Storage,
    /// The database file is damaged: a backup can replace it.
    Damaged,
    /// The file is not a Jalons database (another program's file, a text file...).
    NotJalons,
    /// The disk is full: nothing was written.
    DiskFull,
    /// The file or its folder cannot be written.
    ReadOnly,
    /// Another Jalons (a window or jalons-cli) has this database open.
    InUse,
    /// A plain database from before encryption: the app converts it before opening it.
    Unencrypted,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "ApiError")]
pub struct Error {
    pub code: ErrorCode,
    /// A French sentence for the user.
    pub message: String,
    /// The input field the error is about, in the input type's naming.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Every message reaches the user through here, so each one has French typography
/// whatever its source wrote.
fn said(message: impl Into<String>) -> String {
    crate::french::typography(&message.into())
}

impl Error {
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        Self { code: ErrorCode::Validation, message: said(message), field: Some(field.to_owned()) }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self { code: ErrorCode::NotFound, message: said(message), field: None }
    }

    pub fn conflict(field: Option<&str>, message: impl Into<String>) -> Self {
        Self { code: ErrorCode::Conflict, message: said(message), field: field.map(str::to_owned) }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self { code: ErrorCode::Internal, message: said(message), field: None }
    }

    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: said(message), field: None }
    }

    pub fn damaged() -> Self {
        Self::new(
            ErrorCode::Damaged,
            "La base de données est endommagée\u{a0}: une partie de son contenu ne peut plus être lue. \
             Fermez Jalons et rouvrez-le\u{a0}: il proposera de restaurer la dernière sauvegarde saine.",
        )
    }

    pub fn disk_full() -> Self {
        Self::new(
            ErrorCode::DiskFull,
            "Le disque est plein\u{a0}: rien n'a été enregistré. Libérez de la place (corbeille, \
             téléchargements), puis recommencez\u{a0}: votre travail déjà enregistré est intact.",
        )
    }

    /// A failure of the file system while writing one of Jalons' own files.
    pub fn io(what: &str, e: &std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => Self::disk_full(),
            std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => Self::new(
                ErrorCode::ReadOnly,
                format!("{what}\u{a0}: le dossier est en lecture seule ou ne vous appartient pas."),
            ),
            _ => Self::new(ErrorCode::Storage, format!("{what}\u{a0}: {e}.")),
        }
    }

    /// Prefixes the field name, so that a contact's error reads `contacts.2.email`.
    pub fn within(mut self, prefix: &str) -> Self {
        self.field = self.field.map(|f| format!("{prefix}.{f}"));
        self
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// SQLite's own words are English and technical: each failure a user can meet gets its
/// French sentence and what to do.
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as Sqlite;
        match &e {
            rusqlite::Error::SqliteFailure(f, _) => match f.code {
                Sqlite::DatabaseBusy | Sqlite::DatabaseLocked => Self::new(
                    ErrorCode::Storage,
                    "La base de données est occupée par un autre programme. Réessayez dans un instant.",
                ),
                Sqlite::DatabaseCorrupt => Self::damaged(),
                Sqlite::NotADatabase => Self::new(
                    ErrorCode::NotJalons,
                    "Ce fichier n'est pas une base de données Jalons (ou il est chiffré, ou gravement endommagé).",
                ),
                Sqlite::DiskFull => Self::disk_full(),
                Sqlite::ReadOnly => Self::new(
                    ErrorCode::ReadOnly,
                    "La base de données est en lecture seule\u{a0}: rien n'a été enregistré. Vérifiez que le \
                     fichier et son dossier ne sont pas protégés en écriture.",
                ),
                Sqlite::SystemIoFailure => Self::new(
                    ErrorCode::Storage,
                    "Le disque n'a pas pu être lu ou écrit\u{a0}: rien n'a été enregistré. Vérifiez le disque \
                     (ou la clé USB), puis recommencez.",
                ),
                Sqlite::CannotOpen => Self::new(
                    ErrorCode::Storage,
                    "Le fichier de la base de données ne peut pas être ouvert\u{a0}: vérifiez qu'il existe \
                     et que son dossier est accessible.",
                ),
                _ => Self::new(ErrorCode::Storage, format!("Erreur de la base de données\u{a0}: {e}")),
            },
            // Text that is not UTF-8, or a number where text belongs: the file was altered.
            rusqlite::Error::Utf8Error(..)
            | rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..) => Self::damaged(),
            _ => Self::new(ErrorCode::Storage, format!("Erreur de la base de données\u{a0}: {e}")),
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Self::internal(format!("Donnée illisible\u{a0}: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_to_the_ipc_shape() {
        let e = Error::validation("siret", "Le SIRET doit compter 14 chiffres.");
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"code": "validation", "message": "Le SIRET doit compter 14 chiffres.", "field": "siret"})
        );
        let e = Error::not_found("Structure introuvable.");
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"code": "not_found", "message": "Structure introuvable."})
        );
    }

    #[test]
    fn within_prefixes_the_field() {
        let e = Error::validation("email", "x").within("contacts.2");
        assert_eq!(e.field.as_deref(), Some("contacts.2.email"));
    }
}
