//! What the parcours form sends, and its validation.

use chrono::NaiveDate;
use serde::Deserialize;
use ts_rs::TS;

use super::{ActionKind, ActionStatus};
use crate::ids::parse_id;
use crate::themes::Theme;
use crate::values::{long_text, optional, parse_optional_date, required_text, short_text};
use crate::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct PlanInput {
    /// In priority order: the first axis is the most urgent.
    pub axes: Vec<AxisInput>,
    pub committee_date: String,
    pub committee_opinion: String,
    /// The day the structure validated the parcours; empty until then.
    pub validated_on: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct AxisInput {
    pub title: String,
    pub actions: Vec<ActionInput>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct ActionInput {
    /// The action's id as read; empty for an action added in the form.
    pub id: String,
    pub kind: String,
    pub description: String,
    pub theme: String,
    /// The support a referral sends the structure to.
    pub partner: String,
    pub due_date: String,
    /// Ignored when an ingénierie carries the action out: its status is then the ingénierie's.
    pub status: String,
    /// The ingénierie of this case that carries the action out; empty for none.
    pub engagement_id: String,
}

pub(crate) struct ValidAction {
    pub id: Option<String>,
    pub kind: ActionKind,
    pub description: String,
    pub theme: Theme,
    pub partner: Option<String>,
    pub due_date: Option<NaiveDate>,
    pub status: ActionStatus,
    pub engagement_id: Option<String>,
}

pub(crate) struct ValidAxis {
    pub title: String,
    pub actions: Vec<ValidAction>,
}

pub(crate) struct ValidPlan {
    pub axes: Vec<ValidAxis>,
    pub committee_date: Option<NaiveDate>,
    pub committee_opinion: Option<String>,
    pub validated_on: Option<NaiveDate>,
}

impl ActionInput {
    fn validate(&self) -> Result<ValidAction> {
        let kind = ActionKind::parse("kind", &self.kind)?;
        let partner = short_text("partner", "L'appui ou le partenaire", &self.partner, 200)?;
        if kind == ActionKind::Referral && partner.is_none() {
            return Err(Error::validation(
                "partner",
                "Indiquez vers quel appui ou partenaire la structure est orientée.",
            ));
        }
        let engagement_id = optional(&self.engagement_id, |id| parse_id("engagement_id", id))?;
        if engagement_id.is_some() && kind != ActionKind::Engineering {
            return Err(Error::validation(
                "engagement_id",
                "Seule une action «\u{a0}Ingénierie DLA\u{a0}» est réalisée par une ingénierie\u{a0}: changez le type ou retirez le lien.",
            ));
        }
        Ok(ValidAction {
            id: optional(&self.id, |id| parse_id("id", id))?,
            kind,
            description: required_text("description", "La description de l'action", &self.description, 2000)?,
            theme: Theme::parse("theme", &self.theme)?,
            partner,
            due_date: parse_optional_date("due_date", "L'échéance", &self.due_date)?,
            status: if self.status.trim().is_empty() {
                ActionStatus::Planned
            } else {
                ActionStatus::parse("status", &self.status)?
            },
            engagement_id,
        })
    }
}

impl PlanInput {
    /// `not_before` is the day the diagnostic was validated (or the request date).
    pub(crate) fn validate(&self, not_before: NaiveDate, today: NaiveDate) -> Result<ValidPlan> {
        let mut axes = Vec::with_capacity(self.axes.len());
        for (i, axis) in self.axes.iter().enumerate() {
            let prefix = format!("axes.{i}");
            let title =
                required_text("title", "L'intitulé de l'axe", &axis.title, 300).map_err(|e| e.within(&prefix))?;
            let actions = axis
                .actions
                .iter()
                .enumerate()
                .map(|(j, a)| a.validate().map_err(|e| e.within(&format!("{prefix}.actions.{j}"))))
                .collect::<Result<Vec<_>>>()?;
            axes.push(ValidAxis { title, actions });
        }
        let committee_date = parse_optional_date("committee_date", "La date du comité d'appui", &self.committee_date)?;
        if committee_date.is_some_and(|d| d > today) {
            return Err(Error::validation(
                "committee_date",
                "La date du comité d'appui ne peut pas être dans le futur.",
            ));
        }
        let validated_on =
            parse_optional_date("validated_on", "La date de validation du parcours", &self.validated_on)?;
        if let Some(v) = validated_on {
            if v > today {
                return Err(Error::validation("validated_on", "La date de validation ne peut pas être dans le futur."));
            }
            if v < not_before {
                return Err(Error::validation(
                    "validated_on",
                    format!(
                        "La validation du parcours ne peut pas précéder celle du diagnostic ({}).",
                        not_before.format("%d/%m/%Y")
                    ),
                ));
            }
            if axes.iter().all(|a| a.actions.is_empty()) {
                return Err(Error::validation(
                    "validated_on",
                    "Un parcours validé compte au moins une action\u{a0}: ajoutez-la avant la date de validation.",
                ));
            }
        }
        Ok(ValidPlan {
            axes,
            committee_date,
            committee_opinion: long_text("committee_opinion", "L'avis du comité", &self.committee_opinion)?,
            validated_on,
        })
    }
}
