//! The lawful basis of the people named without a record of their own (requesters, people
//! met in interviews, people present in the journal): one per kind, as the DLA's register of
//! processing records it, with the day it was set. People with a record carry their own.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use crate::labels::labelled_enum;
use crate::structures::LawfulBasis;
use crate::{Result, Store};

labelled_enum!(
    /// The kinds of people named without a record.
    TypedPeople, "un type de personnes" {
        Requesters => "requesters", "Demandeurs d'un accompagnement";
        Met => "met", "Personnes rencontrées en entretien";
        Present => "present", "Personnes présentes au journal";
    }
);

impl TypedPeople {
    /// Where names of this kind are written.
    pub(crate) fn table(self) -> &'static str {
        match self {
            TypedPeople::Requesters => "cases",
            TypedPeople::Met => "diagnostic_interviews",
            TypedPeople::Present => "journal_entries",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct KindBasis {
    pub kind: TypedPeople,
    pub lawful_basis: LawfulBasis,
    /// The day it was set; none while it is the default (legitimate interest).
    pub since: Option<NaiveDate>,
}

fn key(kind: TypedPeople) -> String {
    format!("lawful_basis.{}", kind.code())
}

pub(crate) fn load(conn: &Connection) -> Result<Vec<KindBasis>> {
    TypedPeople::ALL
        .iter()
        .map(|&kind| {
            let stored: Option<String> =
                conn.query_row("SELECT value FROM settings WHERE key = ?1", [key(kind)], |r| r.get(0)).optional()?;
            let (basis, since) =
                stored.as_deref().and_then(|v| v.split_once('|')).unwrap_or(("legitimate_interest", ""));
            Ok(KindBasis {
                kind,
                lawful_basis: LawfulBasis::parse("lawful_basis", basis).unwrap_or(LawfulBasis::LegitimateInterest),
                since: since.parse().ok(),
            })
        })
        .collect()
}

impl Store {
    pub fn typed_people_bases(&self) -> Result<Vec<KindBasis>> {
        load(self.conn())
    }

    /// Sets the basis of a kind of people; its day is today's, unless it did not change.
    pub fn set_typed_people_basis(&mut self, kind: &str, basis: &str) -> Result<Vec<KindBasis>> {
        let kind = TypedPeople::parse("kind", kind)?;
        let basis = LawfulBasis::parse("lawful_basis", basis)?;
        let bases = load(self.conn())?;
        let before = bases.iter().find(|b| b.kind == kind).map(|b| (b.lawful_basis, b.since));
        if let Some((same, Some(_))) = before
            && same == basis
        {
            return Ok(bases);
        }
        let before = before.map(|(b, _)| b);
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key(kind), format!("{}|{}", basis.code(), w.today)],
            )?;
            w.audit(
                "settings",
                &key(kind),
                "update",
                Some(&serde_json::json!({ "lawful_basis": before })),
                Some(&serde_json::json!({ "lawful_basis": basis })),
            )
        })?;
        load(self.conn())
    }
}
