use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{Opco, TrainingStatus};
use crate::values::{Hours, Money};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TrainingAction {
    pub id: String,
    pub structure_id: String,
    pub title: String,
    /// How many people it concerns.
    pub people: Option<i64>,
    pub hours: Option<Hours>,
    pub cost: Option<Money>,
    pub funding_requested: Option<Money>,
    pub funding_obtained: Option<Money>,
    pub start_on: Option<NaiveDate>,
    pub end_on: Option<NaiveDate>,
    pub status: TrainingStatus,
    pub note: Option<String>,
}

/// What a year's actions add up to; cancelled actions are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct TrainingYear {
    /// The year the actions start (or end); none for undated actions.
    pub year: Option<i32>,
    pub actions: i64,
    pub people: i64,
    pub hours: Hours,
    pub cost: Money,
    pub funding_requested: Money,
    pub funding_obtained: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TrainingPlan {
    pub structure_id: String,
    pub opco: Option<Opco>,
    /// Newest first.
    pub actions: Vec<TrainingAction>,
    /// Newest year first, undated last.
    pub years: Vec<TrainingYear>,
}
