use chrono::NaiveDate;
use serde::Deserialize;
use ts_rs::TS;

use super::{ReferralSource, RequestChannel};
use crate::values::{parse_date, required_text};
use crate::{Error, Result};

/// What the "open a case" form sends, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct CaseInput {
    pub structure_id: String,
    pub request_date: String,
    pub channel: String,
    pub requester: String,
    pub referral_source: String,
    pub request_text: String,
}

pub(crate) struct ValidCase {
    pub structure_id: String,
    pub request_date: NaiveDate,
    pub channel: RequestChannel,
    pub requester: String,
    pub referral_source: ReferralSource,
    pub request_text: String,
}

impl CaseInput {
    pub(crate) fn validate(&self, today: NaiveDate) -> Result<ValidCase> {
        let structure_id = crate::ids::parse_id("structure_id", &self.structure_id)
            .map_err(|_| Error::validation("structure_id", "Choisissez la structure accompagnée."))?;
        let request_date = parse_date("request_date", "La date de la demande", &self.request_date)?;
        if request_date > today {
            return Err(Error::validation("request_date", "La date de la demande ne peut pas être dans le futur."));
        }
        Ok(ValidCase {
            structure_id,
            request_date,
            channel: RequestChannel::parse("channel", &self.channel)?,
            requester: required_text("requester", "Le nom de la personne qui a fait la demande", &self.requester, 200)?,
            referral_source: ReferralSource::parse("referral_source", &self.referral_source)?,
            request_text: required_text("request_text", "La demande initiale", &self.request_text, 10_000)?,
        })
    }
}
