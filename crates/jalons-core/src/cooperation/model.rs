use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CooperationKind, CooperationStage};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CooperationMember {
    pub structure_id: String,
    pub structure_name: String,
    pub commune_name: Option<String>,
    pub role: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CooperationProject {
    pub id: String,
    pub name: String,
    pub kind: CooperationKind,
    pub stage: CooperationStage,
    pub started_on: Option<NaiveDate>,
    pub territory: Option<String>,
    pub notes: Option<String>,
    pub members: Vec<CooperationMember>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct CooperationFilter {
    /// Words matched against the project's name, territory and members' names.
    pub query: String,
    pub kind: Option<CooperationKind>,
    /// The projects a structure takes part in.
    pub structure_id: Option<String>,
}
