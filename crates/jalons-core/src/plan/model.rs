use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{ActionKind, ActionStatus};
use crate::themes::Theme;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanAction {
    pub id: String,
    pub kind: ActionKind,
    pub description: String,
    pub theme: Theme,
    pub partner: Option<String>,
    pub due_date: Option<NaiveDate>,
    /// The ingénierie's own status, as an action's, when one carries it out.
    pub status: ActionStatus,
    /// The ingénierie that carries the action out, and its title.
    pub engagement_id: Option<String>,
    pub engagement_title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Axis {
    pub id: String,
    pub title: String,
    pub actions: Vec<PlanAction>,
}

/// A case's parcours: axes in priority order, the optional comité d'appui (advisory) and
/// the structure's validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Plan {
    pub case_id: String,
    pub axes: Vec<Axis>,
    pub committee_date: Option<NaiveDate>,
    pub committee_opinion: Option<String>,
    pub validated_on: Option<NaiveDate>,
    pub updated_at: Option<String>,
}
