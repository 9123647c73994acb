//! Reading and writing a case's diagnostic. The whole diagnostic is saved at once, as the
//! form shows it, and audited as one record.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::{Diagnostic, DiagnosticDomain, DiagnosticInput, DomainScore, Interview, PreviousDiagnostic, met};
use crate::cases::{Stage, editable_case};
use crate::ids::{new_id, parse_id};
use crate::values::Etp;
use crate::{Error, Result, Store};

const ENTITY: &str = "diagnostic";

type Header = (Option<String>, Option<String>, Option<NaiveDate>, String, Option<i64>, Option<Etp>, String);

fn scores(conn: &Connection, case_id: &str) -> Result<Vec<DomainScore>> {
    let mut stmt = conn.prepare("SELECT domain, score, finding, priority FROM diagnostic_scores WHERE case_id = ?1")?;
    let stored: Vec<DomainScore> = stmt
        .query_map([case_id], |r| {
            Ok(DomainScore { domain: r.get(0)?, score: r.get(1)?, finding: r.get(2)?, priority: r.get(3)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(DiagnosticDomain::ALL
        .iter()
        .map(|&domain| {
            stored.iter().find(|s| s.domain == domain).cloned().unwrap_or(DomainScore {
                domain,
                score: None,
                finding: None,
                priority: false,
            })
        })
        .collect())
}

/// The structure's latest diagnostic from a case requested before this one.
fn previous(conn: &Connection, case_id: &str) -> Result<Option<PreviousDiagnostic>> {
    let row: Option<(String, String, Option<NaiveDate>)> = conn
        .query_row(
            "SELECT o.id, o.reference, d.validated_on
             FROM cases c
             JOIN cases o ON o.structure_id = c.structure_id AND o.id <> c.id
                         AND (o.request_date, o.id) < (c.request_date, c.id)
             JOIN diagnostics d ON d.case_id = o.id
             WHERE c.id = ?1 AND EXISTS (SELECT 1 FROM diagnostic_scores s WHERE s.case_id = o.id AND s.score IS NOT NULL)
             ORDER BY o.request_date DESC, o.id DESC LIMIT 1",
            [case_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    row.map(|(id, reference, validated_on)| {
        Ok(PreviousDiagnostic { scores: scores(conn, &id)?, case_id: id, reference, validated_on })
    })
    .transpose()
}

fn load(conn: &Connection, case_id: &str) -> Result<Diagnostic> {
    let header: Option<Header> = conn
        .query_row(
            "SELECT problem_statement, recommendations, validated_on, author, headcount, etp, updated_at
             FROM diagnostics WHERE case_id = ?1",
            [case_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
        )
        .optional()?;
    let mut stmt = conn.prepare(
        "SELECT id, on_date, people, place, notes, contact_ids FROM diagnostic_interviews WHERE case_id = ?1 ORDER BY position",
    )?;
    let rows: Vec<(Interview, String)> = stmt
        .query_map([case_id], |r| {
            Ok((
                Interview {
                    id: r.get(0)?,
                    date: r.get(1)?,
                    contacts: Vec::new(),
                    people: r.get(2)?,
                    place: r.get(3)?,
                    notes: r.get(4)?,
                },
                r.get(5)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut interviews = Vec::with_capacity(rows.len());
    for (mut it, ids) in rows {
        it.contacts = met::load(conn, &ids)?;
        interviews.push(it);
    }
    let (problem_statement, recommendations, validated_on, author, headcount, etp, updated_at) = match header {
        Some((p, r, v, a, h, e, u)) => (p, r, v, Some(a), h, e, Some(u)),
        None => (None, None, None, None, None, None, None),
    };
    Ok(Diagnostic {
        case_id: case_id.to_owned(),
        interviews,
        scores: scores(conn, case_id)?,
        problem_statement,
        recommendations,
        validated_on,
        author,
        headcount,
        etp,
        updated_at,
        previous: previous(conn, case_id)?,
    })
}

/// The audited form of a diagnostic: its content without the earlier case's scores.
fn snapshot(d: &Diagnostic) -> Result<serde_json::Value> {
    let mut v = serde_json::to_value(d)?;
    if let Some(o) = v.as_object_mut() {
        o.remove("previous");
        o.remove("author");
    }
    Ok(v)
}

impl Store {
    pub fn get_diagnostic(&self, case_id: &str) -> Result<Diagnostic> {
        let case_id = parse_id("case_id", case_id)?;
        self.get_case(&case_id)?;
        load(self.conn(), &case_id)
    }

    pub fn save_diagnostic(&mut self, case_id: &str, input: &DiagnosticInput) -> Result<Diagnostic> {
        let case_id = parse_id("case_id", case_id)?;
        self.write(|w| {
            let case = editable_case(&w.tx, &case_id, crate::cases::CasePart::Diagnostic)?;
            let v = input.validate(case.request_date, w.today)?;
            let before = load(&w.tx, &case_id)?;
            if v.validated_on.is_none() && before.validated_on.is_some() && case.stage != Stage::Diagnostic {
                return Err(Error::validation(
                    "validated_on",
                    "Le parcours s'appuie sur ce diagnostic validé\u{a0}: sa date de validation ne peut pas être effacée.",
                ));
            }
            let now = &w.now;
            w.tx.execute(
                "INSERT INTO diagnostics (case_id, problem_statement, recommendations, validated_on, author, headcount, etp, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (case_id) DO UPDATE SET problem_statement = ?2, recommendations = ?3, validated_on = ?4,
                     headcount = ?6, etp = ?7, updated_at = ?8",
                params![case_id, v.problem_statement, v.recommendations, v.validated_on, w.actor, v.headcount, v.etp, now],
            )?;
            w.tx.execute("DELETE FROM diagnostic_interviews WHERE case_id = ?1", [&case_id])?;
            for (i, it) in (0_i64..).zip(&v.interviews) {
                met::check(&w.tx, &case_id, &it.contact_ids).map_err(|e| e.within(&format!("interviews.{i}")))?;
                w.tx.execute(
                    "INSERT INTO diagnostic_interviews (id, case_id, position, on_date, people, place, notes, contact_ids)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![new_id(), case_id, i, it.date, it.people, it.place, it.notes, serde_json::to_string(&it.contact_ids)?],
                )?;
            }
            w.tx.execute("DELETE FROM diagnostic_scores WHERE case_id = ?1", [&case_id])?;
            for s in &v.scores {
                w.tx.execute(
                    "INSERT INTO diagnostic_scores (case_id, domain, score, finding, priority) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![case_id, s.domain, s.score, s.finding, s.priority],
                )?;
            }
            let after = load(&w.tx, &case_id)?;
            let action = if before.updated_at.is_some() { "update" } else { "create" };
            w.audit(ENTITY, &case_id, action, Some(&snapshot(&before)?), Some(&snapshot(&after)?))?;
            Ok(after)
        })
    }
}
