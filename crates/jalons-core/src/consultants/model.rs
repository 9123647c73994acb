use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::structures::LawfulBasis;
use crate::themes::Theme;
use crate::values::{Money, Siret};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Consultant {
    pub id: String,
    pub name: String,
    /// Erased at their request: the record stays, anonymous, for the ingénieries.
    pub erased: bool,
    pub organisation: Option<String>,
    pub siret: Option<Siret>,
    pub skills: Vec<Theme>,
    pub sectors: Option<String>,
    pub day_rate: Option<Money>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
    pub lawful_basis: LawfulBasis,
    /// The day this basis was recorded: when the consultant was added, or the basis changed.
    pub lawful_basis_since: Option<chrono::NaiveDate>,
    /// How many ingénieries they were chosen for.
    pub engagements: i64,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct ConsultantFilter {
    /// Words matched against name, organisation and sectors, accents ignored.
    pub query: String,
    pub skill: Option<Theme>,
}
