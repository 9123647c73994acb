use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::JournalKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct JournalEntry {
    pub id: String,
    pub structure_id: String,
    pub structure_name: String,
    pub case_id: Option<String>,
    pub case_reference: Option<String>,
    pub kind: JournalKind,
    pub occurred_on: NaiveDate,
    /// Minutes.
    pub duration: Option<i64>,
    /// The names of the people present.
    pub people: Vec<String>,
    pub place: Option<String>,
    pub body: String,
    /// How many files are attached to it.
    pub attachments: i64,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct JournalFilter {
    /// A structure's entries, those of its cases included.
    pub structure_id: Option<String>,
    pub case_id: Option<String>,
}
