//! What the diagnostic form sends, and its validation (domain.md §3 and §7).

use chrono::NaiveDate;
use serde::Deserialize;
use ts_rs::TS;

use super::DiagnosticDomain;
use crate::ids::parse_id;
use crate::values::{
    Etp, long_text, optional_text, parse_count, parse_date, parse_optional_date, required_text, short_text,
};
use crate::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct DiagnosticInput {
    pub interviews: Vec<InterviewInput>,
    pub scores: Vec<ScoreInput>,
    pub problem_statement: String,
    pub recommendations: String,
    /// The day the structure's governing body validated the diagnostic; empty until then.
    pub validated_on: String,
    /// The structure's headcount and ETP when diagnosed, compared at follow-up.
    pub headcount: String,
    pub etp: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct InterviewInput {
    pub date: String,
    /// The structure's contacts met, by id.
    pub contact_ids: Vec<String>,
    /// The other people met, typed: needed when no contact is ticked.
    pub people: String,
    pub place: String,
    pub notes: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct ScoreInput {
    pub domain: String,
    /// `0` to `3`, or empty while the domain is not scored yet.
    pub score: String,
    pub finding: String,
    pub priority: bool,
}

pub(crate) struct ValidInterview {
    pub date: NaiveDate,
    pub contact_ids: Vec<String>,
    pub people: String,
    pub place: Option<String>,
    pub notes: Option<String>,
}

pub(crate) struct ValidScore {
    pub domain: DiagnosticDomain,
    pub score: Option<i64>,
    pub finding: Option<String>,
    pub priority: bool,
}

pub(crate) struct ValidDiagnostic {
    pub interviews: Vec<ValidInterview>,
    pub scores: Vec<ValidScore>,
    pub problem_statement: Option<String>,
    pub recommendations: Option<String>,
    pub validated_on: Option<NaiveDate>,
    pub headcount: Option<i64>,
    pub etp: Option<Etp>,
}

fn not_future(field: &str, label: &str, d: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    if d > today {
        return Err(Error::validation(field, format!("{label} ne peut pas être dans le futur.")));
    }
    Ok(d)
}

impl DiagnosticInput {
    /// `request_date` is the case's: nothing in the diagnostic may come before it.
    pub(crate) fn validate(&self, request_date: NaiveDate, today: NaiveDate) -> Result<ValidDiagnostic> {
        let mut interviews = Vec::with_capacity(self.interviews.len());
        for (i, it) in self.interviews.iter().enumerate() {
            let within = |e: Error| e.within(&format!("interviews.{i}"));
            let date = parse_date("date", "La date de l'entretien", &it.date)
                .and_then(|d| not_future("date", "La date de l'entretien", d, today))
                .map_err(within)?;
            if date < request_date {
                return Err(within(Error::validation(
                    "date",
                    format!("La date de l'entretien précède la demande ({}).", request_date.format("%d/%m/%Y")),
                )));
            }
            let mut contact_ids = Vec::with_capacity(it.contact_ids.len());
            for id in &it.contact_ids {
                let id = parse_id("contact_ids", id).map_err(within)?;
                if !contact_ids.contains(&id) {
                    contact_ids.push(id);
                }
            }
            let people = if contact_ids.is_empty() {
                required_text("people", "Les personnes rencontrées", &it.people, 500).map_err(within)?
            } else {
                optional_text(&it.people).unwrap_or_default()
            };
            if people.chars().count() > 500 {
                return Err(within(Error::validation(
                    "people",
                    "Les personnes rencontrées tiennent en 500 caractères au plus.",
                )));
            }
            interviews.push(ValidInterview {
                date,
                contact_ids,
                people,
                place: short_text("place", "Le lieu de l'entretien", &it.place, 200).map_err(within)?,
                notes: long_text("notes", "Les notes de l'entretien", &it.notes).map_err(within)?,
            });
        }
        interviews.sort_by_key(|i| i.date);

        let mut scores = Vec::with_capacity(self.scores.len());
        for (i, s) in self.scores.iter().enumerate() {
            let within = |e: Error| e.within(&format!("scores.{i}"));
            let domain = DiagnosticDomain::parse("domain", &s.domain).map_err(within)?;
            if scores.iter().any(|v: &ValidScore| v.domain == domain) {
                return Err(within(Error::validation(
                    "domain",
                    format!("Le domaine «\u{a0}{}\u{a0}» est en double.", domain.label()),
                )));
            }
            let score = match s.score.trim() {
                "" => None,
                t => match t.parse::<i64>() {
                    Ok(n @ 0..=3) => Some(n),
                    _ => {
                        return Err(within(Error::validation(
                            "score",
                            format!(
                                "La note du domaine «\u{a0}{}\u{a0}» va de 0 à 3 (saisi\u{a0}: «\u{a0}{t}\u{a0}»).",
                                domain.label()
                            ),
                        )));
                    }
                },
            };
            scores.push(ValidScore {
                domain,
                score,
                finding: long_text("finding", "Le constat", &s.finding).map_err(within)?,
                priority: s.priority,
            });
        }

        let validated_on = parse_optional_date("validated_on", "La date de validation", &self.validated_on)?
            .map(|d| not_future("validated_on", "La date de validation", d, today))
            .transpose()?;
        if let Some(v) = validated_on {
            if let Some(last) = interviews.last().filter(|i| i.date > v) {
                return Err(Error::validation(
                    "validated_on",
                    format!(
                        "La date de validation ne peut pas précéder le dernier entretien ({}).",
                        last.date.format("%d/%m/%Y")
                    ),
                ));
            }
            if v < request_date {
                return Err(Error::validation("validated_on", "La date de validation précède la demande."));
            }
            if interviews.is_empty() {
                return Err(Error::validation(
                    "validated_on",
                    "Un diagnostic validé compte au moins un entretien\u{a0}: ajoutez-le avant la date de validation.",
                ));
            }
        }
        let headcount = parse_count("headcount", "L'effectif au diagnostic", &self.headcount)?;
        let etp = Etp::parse_optional("etp", &self.etp)?;
        if let (Some(h), Some(e)) = (headcount, etp)
            && e.0 > h * 100
        {
            return Err(Error::validation("etp", "Les ETP au diagnostic ne peuvent pas dépasser l'effectif."));
        }
        Ok(ValidDiagnostic {
            interviews,
            scores,
            problem_statement: long_text("problem_statement", "La problématique", &self.problem_statement)?,
            recommendations: long_text("recommendations", "Les préconisations", &self.recommendations)?,
            validated_on,
            headcount,
            etp,
        })
    }
}
