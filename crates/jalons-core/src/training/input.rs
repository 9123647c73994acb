//! What the training action form sends, and its validation.

use chrono::NaiveDate;
use serde::Deserialize;
use ts_rs::TS;

use super::TrainingStatus;
use crate::ids::parse_id;
use crate::values::{Hours, Money, long_text, parse_count, parse_optional_date, required_text};
use crate::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct TrainingActionInput {
    pub structure_id: String,
    pub title: String,
    pub people: String,
    pub hours: String,
    pub cost: String,
    pub funding_requested: String,
    pub funding_obtained: String,
    /// Set when the user confirms that more was obtained than requested.
    pub over_confirmed: bool,
    pub start_on: String,
    pub end_on: String,
    pub status: String,
    pub note: String,
}

pub(crate) struct ValidTrainingAction {
    pub structure_id: String,
    pub title: String,
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

impl TrainingActionInput {
    pub(crate) fn validate(&self) -> Result<ValidTrainingAction> {
        let structure_id = parse_id("structure_id", &self.structure_id)?;
        let title = required_text("title", "L'intitulé de la formation", &self.title, 300)?;
        let people = parse_count("people", "Le nombre de personnes", &self.people)?;
        let hours = Hours::parse_optional("hours", &self.hours)?;
        let cost = Money::parse_optional("cost", "Le coût", &self.cost)?;
        let funding_requested =
            Money::parse_optional("funding_requested", "Le financement demandé", &self.funding_requested)?;
        let funding_obtained =
            Money::parse_optional("funding_obtained", "Le financement obtenu", &self.funding_obtained)?;
        if let (Some(o), Some(r)) = (funding_obtained, funding_requested)
            && o > r
            && !self.over_confirmed
        {
            return Err(Error::validation(
                "funding_obtained",
                "Le financement obtenu dépasse le financement demandé\u{a0}: cochez la confirmation si c'est bien le cas.",
            ));
        }
        let start_on = parse_optional_date("start_on", "La date de début", &self.start_on)?;
        let end_on = parse_optional_date("end_on", "La date de fin", &self.end_on)?;
        if let (Some(s), Some(e)) = (start_on, end_on)
            && e < s
        {
            return Err(Error::validation(
                "end_on",
                format!("La date de fin ne peut pas précéder le début ({}).", s.format("%d/%m/%Y")),
            ));
        }
        let status = TrainingStatus::parse("status", &self.status)?;
        if status == TrainingStatus::Done && start_on.is_none() && end_on.is_none() {
            return Err(Error::validation("start_on", "Indiquez quand la formation a eu lieu."));
        }
        Ok(ValidTrainingAction {
            structure_id,
            title,
            people,
            hours,
            cost,
            funding_requested,
            funding_obtained,
            start_on,
            end_on,
            status,
            note: long_text("note", "La note", &self.note)?,
        })
    }
}
