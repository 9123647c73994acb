use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{PartnerKind, ReferralOutcome};
use crate::cases::Stage;
use crate::structures::LawfulBasis;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PartnerContact {
    pub id: String,
    pub name: String,
    /// Their position: chargée d'accompagnement, directeur…
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub lawful_basis: LawfulBasis,
    /// The day this basis was recorded: when the contact was added, or the basis changed.
    pub lawful_basis_since: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Partner {
    pub id: String,
    pub name: String,
    pub kind: PartnerKind,
    /// Where it acts: a département, a région, national.
    pub territory: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
    pub contacts: Vec<PartnerContact>,
    /// How many cases were referred to it.
    pub referrals: i64,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct PartnerFilter {
    /// Words matched against name, territory and contacts' names, accents ignored.
    pub query: String,
    pub kind: Option<PartnerKind>,
}

/// A case sent to a partner, as listed on the case, on the partner and in the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Referral {
    pub id: String,
    pub case_id: String,
    pub case_reference: String,
    pub case_stage: Stage,
    pub structure_id: String,
    pub structure_name: String,
    pub partner_id: String,
    pub partner_name: String,
    pub partner_kind: PartnerKind,
    pub referred_on: NaiveDate,
    pub reason: String,
    pub outcome: ReferralOutcome,
    pub outcome_note: Option<String>,
}

/// How many of the overview's referrals went to one partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PartnerReferrals {
    pub partner_id: String,
    pub partner_name: String,
    pub partner_kind: PartnerKind,
    pub referrals: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct ReferralFilter {
    /// The referrals of a structure's cases.
    pub structure_id: Option<String>,
    pub case_id: Option<String>,
    pub partner_id: Option<String>,
    pub partner_kind: Option<PartnerKind>,
    /// The calendar year of the referral date.
    pub year: Option<i32>,
}
