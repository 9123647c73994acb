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

impl Error {
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        Self { code: ErrorCode::Validation, message: message.into(), field: Some(field.to_owned()) }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self { code: ErrorCode::NotFound, message: message.into(), field: None }
    }

    pub fn conflict(field: Option<&str>, message: impl Into<String>) -> Self {
        Self { code: ErrorCode::Conflict, message: message.into(), field: field.map(str::to_owned) }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self { code: ErrorCode::Internal, message: message.into(), field: None }
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

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        let message = match &e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::DatabaseBusy || f.code == rusqlite::ErrorCode::DatabaseLocked =>
            {
                "La base de données est occupée par un autre programme. Réessayez dans un instant.".to_owned()
            }
            _ => format!("Erreur de la base de données : {e}"),
        };
        Self { code: ErrorCode::Storage, message, field: None }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Self::internal(format!("Donnée illisible : {e}"))
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
