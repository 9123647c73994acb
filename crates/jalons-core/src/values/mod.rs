//! Business values with their parsing rules (domain.md §7). Each parser takes what the user
//! typed, accepts harmless spacing, and returns the normalised value or a French error
//! naming the field.

mod contact;
mod identifiers;
mod numbers;
mod text;

pub use contact::{email, optional, phone};
pub use identifiers::{CommuneCode, Idcc, Naf, Rna, Siren, Siret, postal_code};
pub use numbers::{Days, Etp, Hours, Money, Share, parse_count, parse_date, parse_optional_date};
pub use text::{LONG_TEXT_MAX, fold, long_text, optional_text, required_text, short_text};

/// Implements the plumbing shared by the string-backed identifiers: transparent serde,
/// a TypeScript `string`, SQLite storage as TEXT, and `as_str`.
macro_rules! string_value {
    ($name:ident) => {
        #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[serde(transparent)]
        #[ts(type = "string")]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                self.0.to_sql()
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                String::column_result(v).map(Self)
            }
        }
    };
}
pub(crate) use string_value;
