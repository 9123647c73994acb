use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ReferralSource, RequestChannel, Stage};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Case {
    pub id: String,
    /// Human reference, `2026-014`: year of the request and order within that year.
    pub reference: String,
    pub structure_id: String,
    pub structure_name: String,
    pub stage: Stage,
    pub request_date: NaiveDate,
    pub channel: RequestChannel,
    /// Who made the request: name and role at the structure.
    pub requester: String,
    pub referral_source: ReferralSource,
    pub request_text: String,
    /// The chargé(e) de mission following the case.
    pub officer: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CaseSummary {
    pub id: String,
    pub reference: String,
    pub structure_id: String,
    pub structure_name: String,
    pub commune_name: Option<String>,
    pub departement: Option<String>,
    pub stage: Stage,
    pub request_date: NaiveDate,
    pub officer: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct CaseFilter {
    /// Only the cases of this structure.
    pub structure_id: Option<String>,
    pub stage: Option<Stage>,
    /// Words matched against the structure's name and the case reference.
    pub query: String,
    /// Include closed, referred, not eligible and abandoned cases.
    pub include_finished: bool,
}
