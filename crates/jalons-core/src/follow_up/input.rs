//! What the follow-up form sends, and its validation.

use chrono::NaiveDate;
use serde::Deserialize;
use ts_rs::TS;

use super::Trend;
use crate::values::{Etp, long_text, parse_count, parse_date};
use crate::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct FollowUpInput {
    pub done_on: String,
    pub headcount: String,
    pub etp: String,
    /// `0` to `3`.
    pub appropriation: String,
    pub new_needs: String,
    pub jobs: String,
    pub economic: String,
    pub strategy: String,
    pub partnerships: String,
    pub outcome: String,
}

pub(crate) struct ValidFollowUp {
    pub done_on: NaiveDate,
    pub headcount: Option<i64>,
    pub etp: Option<Etp>,
    pub appropriation: i64,
    pub new_needs: Option<String>,
    pub jobs: Trend,
    pub economic: Trend,
    pub strategy: Trend,
    pub partnerships: Trend,
    pub outcome: Option<String>,
}

impl FollowUpInput {
    /// `not_before` is the diagnostic's validation (or the request date).
    pub(crate) fn validate(&self, not_before: NaiveDate, today: NaiveDate) -> Result<ValidFollowUp> {
        let done_on = parse_date("done_on", "La date du suivi", &self.done_on)?;
        if done_on > today {
            return Err(Error::validation("done_on", "La date du suivi ne peut pas être dans le futur."));
        }
        if done_on < not_before {
            return Err(Error::validation(
                "done_on",
                format!(
                    "La date du suivi ne peut pas précéder la validation du diagnostic ({}).",
                    not_before.format("%d/%m/%Y")
                ),
            ));
        }
        let headcount = parse_count("headcount", "L'effectif au suivi", &self.headcount)?;
        let etp = Etp::parse_optional("etp", &self.etp)?;
        if let (Some(h), Some(e)) = (headcount, etp)
            && e.0 > h * 100
        {
            return Err(Error::validation("etp", "Les ETP au suivi ne peuvent pas dépasser l'effectif."));
        }
        let appropriation = match self.appropriation.trim() {
            "" => {
                return Err(Error::validation("appropriation", "Indiquez l'appropriation des préconisations (0 à 3)."));
            }
            t => match t.parse::<i64>() {
                Ok(n @ 0..=3) => n,
                _ => {
                    return Err(Error::validation(
                        "appropriation",
                        format!("L'appropriation va de 0 à 3 (saisi\u{a0}: «\u{a0}{t}\u{a0}»)."),
                    ));
                }
            },
        };
        let trend = |field: &str, label: &str, raw: &str| {
            if raw.trim().is_empty() {
                Err(Error::validation(field, format!("Indiquez l'évolution\u{a0}: {label}.")))
            } else {
                Trend::parse(field, raw)
            }
        };
        Ok(ValidFollowUp {
            done_on,
            headcount,
            etp,
            appropriation,
            new_needs: long_text("new_needs", "Les nouveaux besoins", &self.new_needs)?,
            jobs: trend("jobs", "emplois", &self.jobs)?,
            economic: trend("economic", "santé économique et financière", &self.economic)?,
            strategy: trend("strategy", "vision stratégique", &self.strategy)?,
            partnerships: trend("partnerships", "partenariats locaux", &self.partnerships)?,
            outcome: long_text("outcome", "Le bilan de l'accompagnement", &self.outcome)?,
        })
    }
}
