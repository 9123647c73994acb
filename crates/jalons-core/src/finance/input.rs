//! What the solidarity finance form sends, and its validation.

use chrono::NaiveDate;
use serde::Deserialize;
use ts_rs::TS;

use super::{FinanceStatus, FinanceTool};
use crate::values::{Money, long_text, parse_optional_date, short_text};
use crate::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct FinanceInput {
    pub case_id: String,
    pub tool: String,
    /// Who decides: France Active Auvergne-Rhône-Alpes, La Nef…
    pub body: String,
    pub amount_requested: String,
    pub amount_obtained: String,
    /// Set when the user confirms that more was obtained than requested.
    pub over_confirmed: bool,
    pub submitted_on: String,
    pub decision_date: String,
    pub status: String,
    pub note: String,
}

pub(crate) struct ValidFinance {
    pub tool: FinanceTool,
    pub body: Option<String>,
    pub amount_requested: Money,
    pub amount_obtained: Option<Money>,
    pub submitted_on: Option<NaiveDate>,
    pub decision_date: Option<NaiveDate>,
    pub status: FinanceStatus,
    pub note: Option<String>,
}

impl FinanceInput {
    pub(crate) fn validate(&self, today: NaiveDate) -> Result<ValidFinance> {
        let tool = FinanceTool::parse("tool", &self.tool)?;
        let amount_requested = Money::parse_optional("amount_requested", "Le montant demandé", &self.amount_requested)?
            .ok_or_else(|| Error::validation("amount_requested", "Le montant demandé est obligatoire."))?;
        let amount_obtained = Money::parse_optional("amount_obtained", "Le montant obtenu", &self.amount_obtained)?;
        let status = FinanceStatus::parse("status", &self.status)?;
        if amount_obtained.is_some_and(|o| o > amount_requested) && !self.over_confirmed {
            return Err(Error::validation(
                "amount_obtained",
                "Le montant obtenu dépasse le montant demandé\u{a0}: cochez la confirmation si c'est bien le cas.",
            ));
        }
        if amount_obtained.is_some() && status != FinanceStatus::Granted {
            return Err(Error::validation("status", "Un montant obtenu va avec l'état «\u{a0}Accordée\u{a0}»."));
        }
        if status == FinanceStatus::Granted && amount_obtained.is_none() {
            return Err(Error::validation("amount_obtained", "Indiquez le montant accordé."));
        }
        let submitted_on = parse_optional_date("submitted_on", "La date de dépôt", &self.submitted_on)?;
        let decision_date = parse_optional_date("decision_date", "La date de décision", &self.decision_date)?;
        if matches!(status, FinanceStatus::Granted | FinanceStatus::Refused) && decision_date.is_none() {
            return Err(Error::validation("decision_date", "Indiquez la date de la décision."));
        }
        // The reports count an application in the period it was submitted (or else decided).
        if status == FinanceStatus::Submitted && submitted_on.is_none() {
            return Err(Error::validation("submitted_on", "Indiquez la date de dépôt de la demande."));
        }
        for (field, label, d) in [
            ("submitted_on", "La date de dépôt", submitted_on),
            ("decision_date", "La date de décision", decision_date),
        ] {
            if d.is_some_and(|d| d > today) {
                return Err(Error::validation(field, format!("{label} ne peut pas être dans le futur.")));
            }
        }
        if let (Some(s), Some(d)) = (submitted_on, decision_date)
            && d < s
        {
            return Err(Error::validation(
                "decision_date",
                format!("La date de décision ne peut pas précéder le dépôt ({}).", s.format("%d/%m/%Y")),
            ));
        }
        Ok(ValidFinance {
            tool,
            body: short_text("body", "L'organisme", &self.body, 200)?,
            amount_requested,
            amount_obtained,
            submitted_on,
            decision_date,
            status,
            note: long_text("note", "La note", &self.note)?,
        })
    }
}
