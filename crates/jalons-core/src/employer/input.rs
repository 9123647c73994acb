//! What the employer checklist sends, row by row, and its validation.

use chrono::{Months, NaiveDate};
use serde::Deserialize;
use ts_rs::TS;

use super::{ObligationKind, ObligationStatus};
use crate::values::{long_text, parse_optional_date, short_text};
use crate::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct ObligationInput {
    pub kind: String,
    /// The name of a custom obligation.
    pub label: String,
    pub status: String,
    pub last_done: String,
    /// Months between two renewals; empty takes the obligation's usual period.
    pub period_months: String,
    /// An explicit next due date; empty computes it from the last one and the period.
    pub next_due: String,
    pub note: String,
}

pub(crate) struct ValidObligation {
    pub kind: ObligationKind,
    pub label: Option<String>,
    pub status: ObligationStatus,
    pub last_done: Option<NaiveDate>,
    pub period_months: Option<i64>,
    pub due_override: Option<NaiveDate>,
    pub next_due: Option<NaiveDate>,
    pub note: Option<String>,
}

impl ObligationInput {
    fn validate(&self, today: NaiveDate) -> Result<ValidObligation> {
        let kind = ObligationKind::parse("kind", &self.kind)?;
        let label = short_text("label", "Le nom de l'obligation", &self.label, 200)?;
        if kind == ObligationKind::Custom && label.is_none() {
            return Err(Error::validation("label", "Nommez l'obligation ajoutée."));
        }
        let status = if self.status.trim().is_empty() {
            ObligationStatus::ToDo
        } else {
            ObligationStatus::parse("status", &self.status)?
        };
        let last_done = parse_optional_date("last_done", "La date de dernière réalisation", &self.last_done)?;
        if last_done.is_some_and(|d| d > today) {
            return Err(Error::validation(
                "last_done",
                "La date de dernière réalisation ne peut pas être dans le futur.",
            ));
        }
        let period_months = match self.period_months.trim() {
            "" => kind.default_period(),
            t => match t.parse::<i64>() {
                Ok(n @ 1..=120) => Some(n),
                _ => {
                    return Err(Error::validation(
                        "period_months",
                        format!("La périodicité se compte en mois, de 1 à 120 (saisi\u{a0}: «\u{a0}{t}\u{a0}»)."),
                    ));
                }
            },
        };
        let explicit = parse_optional_date("next_due", "L'échéance", &self.next_due)?;
        let computed = match (last_done, period_months) {
            (Some(d), Some(m)) => u32::try_from(m).ok().map(|m| d + Months::new(m)),
            _ => None,
        };
        let next_due = explicit.or(computed);
        if let (Some(due), Some(done)) = (next_due, last_done)
            && due < done
        {
            return Err(Error::validation(
                "next_due",
                format!("L'échéance ne peut pas précéder la dernière réalisation ({}).", done.format("%d/%m/%Y")),
            ));
        }
        Ok(ValidObligation {
            kind,
            label,
            status,
            last_done,
            period_months,
            due_override: explicit,
            next_due,
            note: long_text("note", "La note", &self.note)?,
        })
    }
}

pub(crate) fn validate_all(items: &[ObligationInput], today: NaiveDate) -> Result<Vec<ValidObligation>> {
    let mut out: Vec<ValidObligation> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let v = item.validate(today).map_err(|e| e.within(&format!("obligations.{i}")))?;
        if v.kind != ObligationKind::Custom && out.iter().any(|o| o.kind == v.kind) {
            return Err(Error::validation(
                &format!("obligations.{i}.kind"),
                format!("«\u{a0}{}\u{a0}» figure déjà dans la liste.", v.kind.label()),
            ));
        }
        out.push(v);
    }
    Ok(out)
}
