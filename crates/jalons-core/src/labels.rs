//! Closed lists of the domain (legal forms, channels, stages...) are enums whose code is
//! stored and sent over IPC, with their French label in one place: here, next to the code.

use serde::Serialize;
use ts_rs::TS;

/// One option of a closed list, as the UI shows it in a select.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Choice {
    pub code: String,
    pub label: String,
}

/// Declares an enum with its snake_case codes and French labels, `ALL`, `code()`,
/// `label()`, `parse()`, `choices()`, and SQLite storage as the code.
macro_rules! labelled_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident => $code:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        pub enum $name {
            $(#[serde(rename = $code)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            pub fn parse(field: &str, raw: &str) -> $crate::Result<Self> {
                match raw.trim() {
                    $($code => Ok($name::$variant),)+
                    "" => Err($crate::Error::validation(field, format!("Choisissez {}.", $what))),
                    other => Err($crate::Error::validation(field, format!("Valeur inconnue pour {}\u{a0}: «\u{a0}{other}\u{a0}».", $what))),
                }
            }

            pub fn choices() -> Vec<$crate::labels::Choice> {
                Self::ALL.iter().map(|v| $crate::labels::Choice { code: v.code().into(), label: v.label().into() }).collect()
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.code().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                $name::ALL.iter().copied().find(|x| x.code() == s)
                    .ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("code inconnu {s}").into()))
            }
        }
    };
}
pub(crate) use labelled_enum;
