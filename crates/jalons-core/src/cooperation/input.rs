//! What the cooperation project form sends, and its validation.

use chrono::NaiveDate;
use serde::Deserialize;
use ts_rs::TS;

use super::{CooperationKind, CooperationStage};
use crate::ids::parse_id;
use crate::values::{long_text, parse_optional_date, required_text, short_text};
use crate::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct MemberInput {
    pub structure_id: String,
    pub role: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct CooperationInput {
    pub name: String,
    pub kind: String,
    pub stage: String,
    pub started_on: String,
    pub territory: String,
    pub notes: String,
    pub members: Vec<MemberInput>,
}

pub(crate) struct ValidMember {
    pub structure_id: String,
    pub role: Option<String>,
}

pub(crate) struct ValidCooperation {
    pub name: String,
    pub kind: CooperationKind,
    pub stage: CooperationStage,
    pub started_on: Option<NaiveDate>,
    pub territory: Option<String>,
    pub notes: Option<String>,
    pub members: Vec<ValidMember>,
}

impl CooperationInput {
    pub(crate) fn validate(&self, today: NaiveDate) -> Result<ValidCooperation> {
        let name = required_text("name", "Le nom du projet", &self.name, 200)?;
        let kind = CooperationKind::parse("kind", &self.kind)?;
        let stage = CooperationStage::parse("stage", &self.stage)?;
        let started_on = parse_optional_date("started_on", "La date de démarrage", &self.started_on)?;
        if started_on.is_some_and(|d| d > today) {
            return Err(Error::validation("started_on", "La date de démarrage ne peut pas être dans le futur."));
        }
        let mut members: Vec<ValidMember> = Vec::with_capacity(self.members.len());
        for (i, m) in self.members.iter().enumerate() {
            let field = format!("members.{i}.structure_id");
            if m.structure_id.trim().is_empty() {
                return Err(Error::validation(&field, "Choisissez la structure."));
            }
            let structure_id = parse_id(&field, &m.structure_id)?;
            if members.iter().any(|x| x.structure_id == structure_id) {
                return Err(Error::validation(&field, "Cette structure est déjà dans le projet."));
            }
            members.push(ValidMember {
                structure_id,
                role: short_text(&field, "Le rôle de la structure dans le projet", &m.role, 120)?,
            });
        }
        if members.len() < 2 {
            return Err(Error::validation(
                "members",
                "Une coopération réunit au moins deux structures\u{a0}: ajoutez les structures qui y prennent part.",
            ));
        }
        Ok(ValidCooperation {
            name,
            kind,
            stage,
            started_on,
            territory: short_text("territory", "Le territoire", &self.territory, 200)?,
            notes: long_text("notes", "Les notes", &self.notes)?,
            members,
        })
    }
}
