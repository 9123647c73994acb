//! What the funder line form sends, and its validation.

use chrono::NaiveDate;
use serde::Deserialize;
use ts_rs::TS;

use crate::values::{optional_text, parse_optional_date, required_text};
use crate::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct FunderInput {
    pub name: String,
    pub programme: String,
    pub period_start: String,
    pub period_end: String,
}

pub(crate) struct ValidFunder {
    pub name: String,
    pub programme: Option<String>,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
}

impl FunderInput {
    pub(crate) fn validate(&self) -> Result<ValidFunder> {
        let name = required_text("name", "Le nom du financeur", &self.name, 120)?;
        let programme = optional_text(&self.programme);
        if programme.as_ref().is_some_and(|p| p.chars().count() > 160) {
            return Err(Error::validation(
                "programme",
                "Le programme ou la convention tient en 160 caractères au plus.",
            ));
        }
        let period_start = parse_optional_date("period_start", "Le début de la période", &self.period_start)?;
        let period_end = parse_optional_date("period_end", "La fin de la période", &self.period_end)?;
        if let (Some(start), Some(end)) = (period_start, period_end)
            && end < start
        {
            return Err(Error::validation(
                "period_end",
                "La fin de la période précède son début\u{a0}: vérifiez les deux dates.",
            ));
        }
        Ok(ValidFunder { name, programme, period_start, period_end })
    }
}
