use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{EngagementMode, EngagementStatus};
use crate::cases::Stage;
use crate::themes::Theme;
use crate::values::{Days, Money};

/// A case an ingénierie serves, as the ingénierie page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LinkedCase {
    pub case_id: String,
    pub reference: String,
    pub structure_id: String,
    pub structure_name: String,
    pub stage: Stage,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Offer {
    pub consultant_id: String,
    pub consultant_name: String,
    pub amount_ht: Option<Money>,
    /// The structure's score, out of 20.
    pub score: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Engagement {
    pub id: String,
    pub title: String,
    pub theme: Theme,
    pub mode: EngagementMode,
    pub status: EngagementStatus,
    pub cases: Vec<LinkedCase>,
    pub consultant_id: Option<String>,
    pub consultant_name: Option<String>,
    pub days: Option<Days>,
    pub day_rate: Option<Money>,
    /// Basis points (2000 = 20 %); None when exempt.
    pub vat_rate: Option<i64>,
    /// Days × day rate, and with VAT: derived, never typed.
    pub cost_ht: Option<Money>,
    pub cost_ttc: Option<Money>,
    /// The funder line that pays for it, and how it reads.
    pub funder_id: Option<String>,
    pub funder: Option<String>,
    pub terms_date: Option<NaiveDate>,
    pub consultation_date: Option<NaiveDate>,
    pub decision_date: Option<NaiveDate>,
    pub kickoff_date: Option<NaiveDate>,
    pub restitution_date: Option<NaiveDate>,
    pub final_report_date: Option<NaiveDate>,
    pub cancelled_on: Option<NaiveDate>,
    pub cancel_reason: Option<String>,
    pub results: Option<String>,
    pub offers: Vec<Offer>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct EngagementFilter {
    /// Only the ingénieries serving this case.
    pub case_id: Option<String>,
    /// Words matched against the title, the consultant and the structures.
    pub query: String,
    /// Include finished and cancelled ones.
    pub include_finished: bool,
}
