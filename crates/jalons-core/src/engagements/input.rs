//! What the ingénierie form sends, and its validation: lifecycle dates in order, money in
//! cents, offers from distinct consultants.

use chrono::NaiveDate;
use serde::Deserialize;
use ts_rs::TS;

use super::EngagementMode;
use super::enums::{Milestones, VAT_RATES};
use crate::ids::parse_id;
use crate::themes::Theme;
use crate::values::{Days, Money, long_text, optional, parse_optional_date, required_text};
use crate::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct EngagementInput {
    pub title: String,
    pub theme: String,
    pub mode: String,
    /// The cases it serves: one for an individual ingénierie, several for a collective one.
    pub case_ids: Vec<String>,
    pub consultant_id: String,
    pub days: String,
    pub day_rate: String,
    /// `2000` for 20 %, `exempt` when the consultant charges no VAT.
    pub vat_rate: String,
    /// The funder line that pays for it, if known.
    pub funder_id: String,
    pub terms_date: String,
    pub consultation_date: String,
    pub decision_date: String,
    pub kickoff_date: String,
    pub restitution_date: String,
    pub final_report_date: String,
    pub cancelled_on: String,
    pub cancel_reason: String,
    pub results: String,
    pub offers: Vec<OfferInput>,
    /// On creation only: the parcours action (of kind « ingénierie ») the ingénierie is
    /// created from, which it then carries out.
    pub plan_action_id: String,
}

/// A consultant consulted, the offer's amount and the structure's score out of 20.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct OfferInput {
    pub consultant_id: String,
    pub amount_ht: String,
    pub score: String,
}

pub(crate) struct ValidOffer {
    pub consultant_id: String,
    pub amount_ht: Option<Money>,
    pub score: Option<i64>,
}

pub(crate) struct ValidEngagement {
    pub title: String,
    pub theme: Theme,
    pub mode: EngagementMode,
    pub case_ids: Vec<String>,
    pub consultant_id: Option<String>,
    pub days: Option<Days>,
    pub day_rate: Option<Money>,
    pub vat_rate: Option<i64>,
    pub funder_id: Option<String>,
    pub dates: Milestones,
    pub cancel_reason: Option<String>,
    pub results: Option<String>,
    pub offers: Vec<ValidOffer>,
    pub plan_action_id: Option<String>,
}

const MAX_OFFERS: usize = 6;

fn vat_rate(raw: &str) -> Result<Option<i64>> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(Error::validation("vat_rate", "Choisissez le taux de TVA (ou «\u{a0}Exonéré de TVA\u{a0}»)."));
    }
    if !VAT_RATES.iter().any(|(code, _)| *code == t) {
        return Err(Error::validation("vat_rate", format!("Taux de TVA inconnu\u{a0}: «\u{a0}{t}\u{a0}».")));
    }
    Ok(t.parse().ok())
}

fn offer(o: &OfferInput) -> Result<ValidOffer> {
    let score = match o.score.trim() {
        "" => None,
        t => match t.parse::<i64>() {
            Ok(n @ 0..=20) => Some(n),
            _ => {
                return Err(Error::validation(
                    "score",
                    format!("La note de l'offre va de 0 à 20 (saisi\u{a0}: «\u{a0}{t}\u{a0}»)."),
                ));
            }
        },
    };
    Ok(ValidOffer {
        consultant_id: parse_id("consultant_id", &o.consultant_id)
            .map_err(|_| Error::validation("consultant_id", "Choisissez le consultant consulté."))?,
        amount_ht: Money::parse_optional("amount_ht", "Le montant HT de l'offre", &o.amount_ht)?,
        score,
    })
}

/// The lifecycle's dates: each needs the one before it and may not precede it.
fn milestones(i: &EngagementInput, today: NaiveDate) -> Result<Milestones> {
    let steps: [(&str, &str, &str); 6] = [
        ("terms_date", "La date du cahier des charges", &i.terms_date),
        ("consultation_date", "La date de consultation des consultants", &i.consultation_date),
        ("decision_date", "La date de la décision (choix du consultant)", &i.decision_date),
        ("kickoff_date", "La date de démarrage", &i.kickoff_date),
        ("restitution_date", "La date de restitution", &i.restitution_date),
        ("final_report_date", "La date de réception du rapport final", &i.final_report_date),
    ];
    let mut parsed: Vec<Option<NaiveDate>> = Vec::with_capacity(steps.len());
    let mut previous: Option<(&str, NaiveDate)> = None;
    for (k, (field, label, raw)) in steps.iter().enumerate() {
        let d = parse_optional_date(field, label, raw)?;
        if let Some(d) = d {
            if d > today {
                return Err(Error::validation(field, format!("{label} ne peut pas être dans le futur.")));
            }
            if k > 0 && parsed[k - 1].is_none() {
                let (_, before, _) = steps[k - 1];
                return Err(Error::validation(field, format!("Indiquez d'abord {}.", lower_first(before))));
            }
            if let Some((before, p)) = previous.filter(|(_, p)| d < *p) {
                return Err(Error::validation(
                    field,
                    format!("{label} ne peut pas précéder {} ({}).", lower_first(before), p.format("%d/%m/%Y")),
                ));
            }
            previous = Some((label, d));
        }
        parsed.push(d);
    }
    let cancelled = parse_optional_date("cancelled_on", "La date d'annulation", &i.cancelled_on)?;
    if let Some(c) = cancelled {
        if c > today {
            return Err(Error::validation("cancelled_on", "La date d'annulation ne peut pas être dans le futur."));
        }
        if parsed[5].is_some() {
            return Err(Error::validation(
                "cancelled_on",
                "Une ingénierie dont le rapport final est reçu ne peut pas être annulée.",
            ));
        }
        if let Some((before, p)) = previous.filter(|(_, p)| c < *p) {
            return Err(Error::validation(
                "cancelled_on",
                format!(
                    "La date d'annulation ne peut pas précéder {} ({}).",
                    lower_first(before),
                    p.format("%d/%m/%Y")
                ),
            ));
        }
    }
    Ok(Milestones {
        terms: parsed[0],
        consultation: parsed[1],
        decision: parsed[2],
        kickoff: parsed[3],
        restitution: parsed[4],
        final_report: parsed[5],
        cancelled,
    })
}

fn lower_first(label: &str) -> String {
    let mut c = label.chars();
    c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
}

impl EngagementInput {
    pub(crate) fn validate(&self, today: NaiveDate) -> Result<ValidEngagement> {
        let title = required_text("title", "L'intitulé de l'ingénierie", &self.title, 300)?;
        let theme = Theme::parse("theme", &self.theme)?;
        let mode = EngagementMode::parse("mode", &self.mode)?;
        let mut case_ids = Vec::new();
        for raw in &self.case_ids {
            let id = parse_id("case_ids", raw)?;
            if !case_ids.contains(&id) {
                case_ids.push(id);
            }
        }
        match (mode, case_ids.len()) {
            (_, 0) => {
                return Err(Error::validation("case_ids", "Rattachez l'ingénierie à au moins un accompagnement."));
            }
            (EngagementMode::Individual, n) if n > 1 => {
                return Err(Error::validation(
                    "case_ids",
                    "Une ingénierie individuelle concerne un seul accompagnement\u{a0}: choisissez «\u{a0}Collective\u{a0}» pour en réunir plusieurs.",
                ));
            }
            (EngagementMode::Collective, 1) => {
                return Err(Error::validation(
                    "case_ids",
                    "Une ingénierie collective réunit au moins deux structures\u{a0}: ajoutez les autres accompagnements concernés.",
                ));
            }
            _ => {}
        }
        let mut offers: Vec<ValidOffer> = Vec::new();
        for (i, o) in self.offers.iter().enumerate() {
            let v = offer(o).map_err(|e| e.within(&format!("offers.{i}")))?;
            if offers.iter().any(|x| x.consultant_id == v.consultant_id) {
                return Err(Error::validation(
                    &format!("offers.{i}.consultant_id"),
                    "Ce consultant figure déjà parmi les consultants consultés.",
                ));
            }
            offers.push(v);
        }
        if offers.len() > MAX_OFFERS {
            return Err(Error::validation(
                "offers",
                format!("Au plus {MAX_OFFERS} consultants consultés par ingénierie."),
            ));
        }
        let consultant_id = optional(&self.consultant_id, |s| parse_id("consultant_id", s))?;
        if let Some(c) = &consultant_id
            && !offers.is_empty()
            && !offers.iter().any(|o| &o.consultant_id == c)
        {
            return Err(Error::validation(
                "consultant_id",
                "Le consultant retenu doit figurer parmi les consultants consultés.",
            ));
        }
        let dates = milestones(self, today)?;
        if dates.decision.is_some() && consultant_id.is_none() {
            return Err(Error::validation("consultant_id", "Indiquez le consultant retenu à la date de la décision."));
        }
        let cancel_reason = long_text("cancel_reason", "Le motif d'annulation", &self.cancel_reason)?;
        if dates.cancelled.is_some() && cancel_reason.is_none() {
            return Err(Error::validation("cancel_reason", "Indiquez le motif de l'annulation."));
        }
        Ok(ValidEngagement {
            title,
            theme,
            mode,
            case_ids,
            consultant_id,
            days: Days::parse_optional("days", &self.days)?,
            day_rate: Money::parse_optional("day_rate", "Le prix de journée", &self.day_rate)?,
            vat_rate: vat_rate(&self.vat_rate)?,
            funder_id: optional(&self.funder_id, |raw| parse_id("funder_id", raw))?,
            dates,
            cancel_reason,
            results: long_text("results", "Les résultats", &self.results)?,
            offers,
            plan_action_id: optional(&self.plan_action_id, |id| parse_id("plan_action_id", id))?,
        })
    }
}
