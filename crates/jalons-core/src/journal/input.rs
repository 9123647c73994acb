//! What the journal form sends, and its validation.

use chrono::NaiveDate;
use serde::Deserialize;
use ts_rs::TS;

use super::JournalKind;
use super::duration::parse_duration;
use crate::ids::parse_id;
use crate::values::{optional_text, parse_date, short_text};
use crate::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct JournalInput {
    pub structure_id: String,
    /// Empty for an entry on the structure alone.
    pub case_id: String,
    pub kind: String,
    pub occurred_on: String,
    /// As typed: `1 h 30`, `45 min`, `90`.
    pub duration: String,
    /// Names: the structure's contacts ticked, and others typed.
    pub people: Vec<String>,
    pub place: String,
    pub body: String,
}

pub(crate) struct ValidJournal {
    pub structure_id: String,
    pub case_id: Option<String>,
    pub kind: JournalKind,
    pub occurred_on: NaiveDate,
    pub duration: Option<i64>,
    pub people: Vec<String>,
    pub place: Option<String>,
    pub body: String,
}

impl JournalInput {
    pub(crate) fn validate(&self, today: NaiveDate) -> Result<ValidJournal> {
        let structure_id = parse_id("structure_id", &self.structure_id)?;
        let case_id = match self.case_id.trim() {
            "" => None,
            id => Some(parse_id("case_id", id)?),
        };
        let kind = JournalKind::parse("kind", &self.kind)?;
        let occurred_on = parse_date("occurred_on", "La date", &self.occurred_on)?;
        if occurred_on > today {
            return Err(Error::validation(
                "occurred_on",
                "Le journal garde ce qui a eu lieu\u{a0}: la date ne peut pas être dans le futur. Pour un rendez-vous à venir, créez une tâche.",
            ));
        }
        let duration = parse_duration(&self.duration)?;
        let mut people: Vec<String> = Vec::new();
        for name in self.people.iter().filter_map(|p| optional_text(p)) {
            if name.chars().count() > 200 {
                return Err(Error::validation("people", "Un nom de participant dépasse 200 caractères."));
            }
            if !people.iter().any(|p| p.to_lowercase() == name.to_lowercase()) {
                people.push(name);
            }
        }
        let body = self.body.trim();
        if body.is_empty() {
            return Err(Error::validation("body", "Écrivez ce qui s'est dit ou fait."));
        }
        if body.chars().count() > 20_000 {
            return Err(Error::validation(
                "body",
                "Le texte dépasse 20 000 caractères\u{a0}: joignez plutôt un document.",
            ));
        }
        Ok(ValidJournal {
            structure_id,
            case_id,
            kind,
            occurred_on,
            duration,
            people,
            place: short_text("place", "Le lieu", &self.place, 200)?,
            body: body.to_owned(),
        })
    }
}
