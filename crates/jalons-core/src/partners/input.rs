//! What the partner and referral forms send, and their validation.

use chrono::NaiveDate;
use serde::Deserialize;
use ts_rs::TS;

use super::{PartnerKind, ReferralOutcome};
use crate::ids::parse_id;
use crate::structures::LawfulBasis;
use crate::values::{email, long_text, optional, optional_text, parse_date, phone, required_text, short_text};
use crate::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct PartnerContactInput {
    /// Empty for a contact added in this form; kept from save to save otherwise.
    pub id: String,
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    /// Empty for the usual basis of a professional contact: legitimate interest.
    pub lawful_basis: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct PartnerInput {
    pub name: String,
    pub kind: String,
    pub territory: String,
    pub website: String,
    pub email: String,
    pub phone: String,
    pub notes: String,
    pub contacts: Vec<PartnerContactInput>,
}

pub(crate) struct ValidContact {
    pub id: Option<String>,
    pub name: String,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub lawful_basis: LawfulBasis,
}

pub(crate) struct ValidPartner {
    pub name: String,
    pub kind: PartnerKind,
    pub territory: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
    pub contacts: Vec<ValidContact>,
}

impl PartnerContactInput {
    fn validate(&self) -> Result<ValidContact> {
        Ok(ValidContact {
            id: optional_text(&self.id).map(|id| parse_id("id", &id)).transpose()?,
            name: required_text("name", "Le nom du contact", &self.name, 200)?,
            role: short_text("role", "La fonction", &self.role, 120)?,
            email: optional(&self.email, email)?,
            phone: optional(&self.phone, phone)?,
            lawful_basis: match self.lawful_basis.trim() {
                "" => LawfulBasis::LegitimateInterest,
                typed => LawfulBasis::parse("lawful_basis", typed)?,
            },
        })
    }
}

impl PartnerInput {
    pub(crate) fn validate(&self) -> Result<ValidPartner> {
        let website = optional_text(&self.website);
        if let Some(w) = &website
            && (w.contains(' ') || !w.contains('.'))
        {
            return Err(Error::validation(
                "website",
                format!("Site web invalide (saisi\u{a0}: «\u{a0}{w}\u{a0}»). Exemple\u{a0}: www.cress-aura.org"),
            ));
        }
        let contacts = self
            .contacts
            .iter()
            .enumerate()
            .map(|(i, c)| c.validate().map_err(|e| e.within(&format!("contacts.{i}"))))
            .collect::<Result<_>>()?;
        Ok(ValidPartner {
            name: required_text("name", "Le nom du partenaire", &self.name, 200)?,
            kind: PartnerKind::parse("kind", &self.kind)?,
            territory: short_text("territory", "Le territoire", &self.territory, 200)?,
            website,
            email: optional(&self.email, email)?,
            phone: optional(&self.phone, phone)?,
            notes: long_text("notes", "Les notes", &self.notes)?,
            contacts,
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct ReferralInput {
    pub case_id: String,
    pub partner_id: String,
    pub referred_on: String,
    pub reason: String,
    pub outcome: String,
    pub outcome_note: String,
}

pub(crate) struct ValidReferral {
    pub case_id: String,
    pub partner_id: String,
    pub referred_on: NaiveDate,
    pub reason: String,
    pub outcome: ReferralOutcome,
    pub outcome_note: Option<String>,
}

impl ReferralInput {
    pub(crate) fn validate(&self, today: NaiveDate) -> Result<ValidReferral> {
        let case_id = parse_id("case_id", &self.case_id)?;
        if self.partner_id.trim().is_empty() {
            return Err(Error::validation(
                "partner_id",
                "Choisissez le partenaire vers qui la structure est orientée.",
            ));
        }
        let partner_id = parse_id("partner_id", &self.partner_id)?;
        let referred_on = parse_date("referred_on", "La date de l'orientation", &self.referred_on)?;
        if referred_on > today {
            return Err(Error::validation("referred_on", "La date de l'orientation ne peut pas être dans le futur."));
        }
        Ok(ValidReferral {
            case_id,
            partner_id,
            referred_on,
            reason: required_text("reason", "Le motif de l'orientation", &self.reason, 2000)?,
            outcome: ReferralOutcome::parse("outcome", &self.outcome)?,
            outcome_note: long_text("outcome_note", "La suite donnée", &self.outcome_note)?,
        })
    }
}
