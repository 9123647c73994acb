//! What the consultant form sends, and its validation.

use serde::Deserialize;
use ts_rs::TS;

use crate::structures::LawfulBasis;
use crate::themes::Theme;
use crate::values::{Money, Siret, email, long_text, optional, phone, required_text, short_text};
use crate::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct ConsultantInput {
    pub name: String,
    pub organisation: String,
    pub siret: String,
    /// Theme codes.
    pub skills: Vec<String>,
    /// Sectors known, as written (spectacle vivant, musiques actuelles...).
    pub sectors: String,
    pub day_rate: String,
    pub email: String,
    pub phone: String,
    pub notes: String,
    /// Why Jalons may keep this person's data; empty for the usual one, a contract.
    pub lawful_basis: String,
}

pub(crate) struct ValidConsultant {
    pub name: String,
    pub organisation: Option<String>,
    pub siret: Option<Siret>,
    pub skills: Vec<Theme>,
    pub sectors: Option<String>,
    pub day_rate: Option<Money>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
    pub lawful_basis: LawfulBasis,
}

impl ConsultantInput {
    pub(crate) fn validate(&self) -> Result<ValidConsultant> {
        let mut skills = Vec::new();
        for (i, code) in self.skills.iter().enumerate() {
            let t = Theme::parse("skills", code).map_err(|e| Error { field: Some(format!("skills.{i}")), ..e })?;
            if !skills.contains(&t) {
                skills.push(t);
            }
        }
        Ok(ValidConsultant {
            name: required_text("name", "Le nom du consultant", &self.name, 200)?,
            organisation: short_text("organisation", "La structure ou le cabinet", &self.organisation, 200)?,
            siret: optional(&self.siret, |s| Siret::parse("siret", s))?,
            skills,
            sectors: short_text("sectors", "Les secteurs", &self.sectors, 500)?,
            day_rate: Money::parse_optional("day_rate", "Le prix de journée", &self.day_rate)?,
            email: optional(&self.email, email)?,
            phone: optional(&self.phone, phone)?,
            notes: long_text("notes", "Les notes", &self.notes)?,
            lawful_basis: if self.lawful_basis.is_empty() {
                LawfulBasis::Contract
            } else {
                LawfulBasis::parse("lawful_basis", &self.lawful_basis)?
            },
        })
    }
}
