use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Attention, ReferralSource, RequestChannel, Stage};

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
    /// The day the case reached its stage (`cases.stage_since`, kept from the timeline):
    /// how long it has been where it is.
    pub stage_since: NaiveDate,
    pub officer: String,
    pub attention: Vec<Attention>,
    /// When the follow-up window opens (12 months after the diagnostic's validation).
    pub follow_up_from: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseSort {
    Reference,
    Structure,
    Stage,
    #[default]
    RequestDate,
    StageSince,
    Attention,
}

impl CaseSort {
    /// Every order the cases list offers.
    pub const ALL: [CaseSort; 6] = [
        CaseSort::Reference,
        CaseSort::Structure,
        CaseSort::Stage,
        CaseSort::RequestDate,
        CaseSort::StageSince,
        CaseSort::Attention,
    ];
}

/// Which cases, by where they stand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseScope {
    #[default]
    Open,
    Finished,
    All,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct CaseFilter {
    /// Only the cases of this structure.
    pub structure_id: Option<String>,
    pub stage: Option<Stage>,
    /// Words matched against the structure's name and the case reference.
    pub query: String,
    /// Open cases, finished ones (closed, referred, not eligible, abandoned) or all; a
    /// stage chosen wins over it.
    pub scope: CaseScope,
    /// Only the cases with something needing attention.
    pub attention_only: bool,
    pub sort: CaseSort,
    pub descending: bool,
}

/// The newest requests first, open cases only.
impl Default for CaseFilter {
    fn default() -> Self {
        Self {
            structure_id: None,
            stage: None,
            query: String::new(),
            scope: CaseScope::Open,
            attention_only: false,
            sort: CaseSort::RequestDate,
            descending: true,
        }
    }
}

/// How many cases stand at one stage, for the list's stage filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StageCount {
    pub stage: Stage,
    pub count: i64,
}
