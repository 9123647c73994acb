use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Funder {
    pub id: String,
    pub name: String,
    pub programme: Option<String>,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    /// Archived lines stay on what they paid for but are no longer offered.
    pub archived: bool,
    /// How many cases and ingénieries this line pays for.
    pub cases: i64,
    pub engagements: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl Funder {
    /// « État (DREETS) — Convention DLA 2026 »: how a line reads in lists and documents.
    pub fn label(&self) -> String {
        label(&self.name, self.programme.as_deref())
    }
}

pub(crate) fn label(name: &str, programme: Option<&str>) -> String {
    match programme {
        Some(p) => format!("{name} — {p}"),
        None => name.to_owned(),
    }
}
