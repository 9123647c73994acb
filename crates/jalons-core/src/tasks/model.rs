use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::parse_id;
use crate::values::{parse_date, required_text};
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Task {
    pub id: String,
    pub structure_id: String,
    pub structure_name: String,
    pub case_id: Option<String>,
    pub case_reference: Option<String>,
    pub title: String,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct TaskFilter {
    /// A structure's tasks, those of its cases included.
    pub structure_id: Option<String>,
    pub case_id: Option<String>,
    pub include_done: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct TaskInput {
    pub structure_id: String,
    /// Empty for a task on the structure alone.
    pub case_id: String,
    pub title: String,
    pub due_on: String,
}

pub(crate) struct ValidTask {
    pub structure_id: String,
    pub case_id: Option<String>,
    pub title: String,
    pub due_on: NaiveDate,
}

impl TaskInput {
    pub(crate) fn validate(&self) -> Result<ValidTask> {
        let structure_id = parse_id("structure_id", &self.structure_id)?;
        let case_id = match self.case_id.trim() {
            "" => None,
            id => Some(parse_id("case_id", id)?),
        };
        let title = required_text("title", "L'intitulé de la tâche", &self.title, 300)?;
        let due_on = parse_date("due_on", "L'échéance", &self.due_on)?;
        if !(2000..=2100).contains(&due_on.year()) {
            return Err(Error::validation("due_on", "L'échéance semble erronée\u{a0}: vérifiez l'année."));
        }
        Ok(ValidTask { structure_id, case_id, title, due_on })
    }
}
