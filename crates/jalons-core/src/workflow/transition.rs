//! Moving a case from one stage to another: the one place that checks the machine, the
//! guards and the dates, then updates the case and appends to its timeline.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::machine::{MoveKind, classify, moves_from};
use super::progress::Progress;
use super::timeline::{self, NewEntry, TimelineEntry};
use crate::cases::Stage;
use crate::french;
use crate::ids::parse_id;
use crate::partners::record_exit_referral;
use crate::values::{long_text, optional_text, parse_date, short_text};
use crate::{Error, Result, Store};

/// What the "change stage" dialog sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct TransitionInput {
    pub case_id: String,
    pub to: String,
    pub date: String,
    pub comment: String,
    pub reason: String,
    /// The partner referred to, as typed; or, when `partner_id` names one of the
    /// directory, that partner, and the move records the referral too.
    pub partner: String,
    pub partner_id: String,
    /// The user saw what the move leaves open (`MoveOption::left_open`) and confirms.
    pub leave_open: bool,
}

/// One move the case page offers, with what it still lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MoveOption {
    pub to: Stage,
    pub kind: MoveKind,
    /// Empty when the move may go; otherwise what to do first, in French.
    pub missing: Vec<String>,
    /// What the move leaves unfinished, in French: shown, and confirmed before it goes.
    pub left_open: Vec<String>,
}

/// Where a case stands: its stage, its story, and where it may go next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CaseWorkflow {
    pub case_id: String,
    pub stage: Stage,
    pub timeline: Vec<TimelineEntry>,
    pub moves: Vec<MoveOption>,
    /// The parts of the case its stage opens to changes.
    pub editable: Vec<crate::cases::CasePart>,
}

fn state(conn: &rusqlite::Connection, case_id: &str) -> Result<(Stage, Vec<TimelineEntry>)> {
    let stage: Stage = conn
        .query_row("SELECT stage FROM cases WHERE id = ?1", [case_id], |r| r.get(0))
        .map_err(|_| Error::not_found("Cet accompagnement n'existe pas ou plus."))?;
    Ok((stage, timeline::load(conn, case_id)?))
}

/// The stage a finished case left from: where reopening takes it.
fn resume_stage(stage: Stage, timeline: &[TimelineEntry]) -> Option<Stage> {
    if !stage.is_finished() {
        return None;
    }
    timeline.last().and_then(|e| e.from)
}

fn workflow(conn: &rusqlite::Connection, case_id: &str) -> Result<CaseWorkflow> {
    let (stage, timeline) = state(conn, case_id)?;
    let progress = Progress::load(conn, case_id)?;
    let moves = moves_from(stage, resume_stage(stage, &timeline))
        .into_iter()
        .map(|(to, kind)| MoveOption {
            to,
            kind,
            missing: if kind == MoveKind::Forward { progress.missing(stage, to) } else { Vec::new() },
            left_open: progress.left_open(to),
        })
        .collect();
    Ok(CaseWorkflow {
        case_id: case_id.to_owned(),
        stage,
        timeline,
        moves,
        editable: crate::cases::CasePart::open_at(stage),
    })
}

fn last_date(timeline: &[TimelineEntry]) -> Option<NaiveDate> {
    timeline.iter().map(|e| e.date).max()
}

impl Store {
    pub fn case_workflow(&self, case_id: &str) -> Result<CaseWorkflow> {
        workflow(self.conn(), &parse_id("case_id", case_id)?)
    }

    /// Moves a case, or refuses with what is missing; a refused move changes nothing.
    pub fn move_case(&mut self, input: &TransitionInput) -> Result<CaseWorkflow> {
        let case_id = parse_id("case_id", &input.case_id)?;
        let to = Stage::parse("to", &input.to)?;
        let date = parse_date("date", "La date du changement d'étape", &input.date)?;
        let comment = long_text("comment", "Le commentaire", &input.comment)?;
        let reason = long_text("reason", "Le motif", &input.reason)?;
        let mut partner = short_text("partner", "Le partenaire", &input.partner, 200)?;
        let partner_id = optional_text(&input.partner_id);
        self.write(|w| {
            let (from, timeline) = state(&w.tx, &case_id)?;
            let Some(kind) = classify(from, to, resume_stage(from, &timeline)) else {
                return Err(Error::conflict(
                    Some("to"),
                    format!("Un accompagnement à l'étape «\u{a0}{}\u{a0}» ne peut pas passer à «\u{a0}{}\u{a0}».", from.label(), to.label()),
                ));
            };
            if date > w.today {
                return Err(Error::validation("date", "La date du changement d'étape ne peut pas être dans le futur."));
            }
            if let Some(last) = last_date(&timeline).filter(|last| date < *last) {
                return Err(Error::validation(
                    "date",
                    format!(
                        "La date du changement d'étape ne peut pas précéder la dernière étape de l'accompagnement ({}).",
                        last.format("%d/%m/%Y")
                    ),
                ));
            }
            match kind {
                MoveKind::Forward => {
                    let progress = Progress::load(&w.tx, &case_id)?;
                    let missing = progress.missing(from, to);
                    if let Some(first) = missing.first() {
                        let message = if missing.len() == 1 {
                            first.clone()
                        } else {
                            format!("Avant de passer à «\u{a0}{}\u{a0}»\u{a0}: {}", to.label(), missing.join(" "))
                        };
                        return Err(Error::conflict(Some("to"), message));
                    }
                    let open = progress.left_open(to);
                    if !open.is_empty() && !input.leave_open {
                        let head = if open.len() == 1 {
                            "Une action du parcours reste ouverte".to_owned()
                        } else {
                            format!("{} restent ouvertes", french::count(open.len(), "action", "actions du parcours"))
                        };
                        return Err(Error::validation(
                            "leave_open",
                            format!(
                                "{head}\u{a0}: {}. Confirmez la clôture, ou mettez d'abord le parcours à jour.",
                                open.join(", ")
                            ),
                        ));
                    }
                }
                MoveKind::Back | MoveKind::Reopen if comment.is_none() => {
                    let what = if kind == MoveKind::Back { "revenir à une étape précédente" } else { "rouvrir l'accompagnement" };
                    return Err(Error::validation("comment", format!("Expliquez en commentaire pourquoi {what}.")));
                }
                MoveKind::Exit => {
                    if reason.is_none() {
                        return Err(Error::validation("reason", format!("Indiquez le motif\u{a0}: «\u{a0}{}\u{a0}».", to.label())));
                    }
                    if to == Stage::Referred && partner.is_none() && partner_id.is_none() {
                        return Err(Error::validation("partner", "Indiquez vers quel partenaire la structure est orientée."));
                    }
                }
                _ => {}
            }
            if to == Stage::Referred
                && let (Some(partner_id), Some(reason)) = (&partner_id, &reason)
            {
                partner = Some(record_exit_referral(w, &case_id, partner_id, date, reason)?);
            }
            w.tx.execute(
                "UPDATE cases SET stage = ?1, updated_at = ?2 WHERE id = ?3",
                rusqlite::params![to, w.now, case_id],
            )?;
            timeline::append(
                w,
                &case_id,
                &NewEntry {
                    from: Some(from),
                    to,
                    date,
                    comment: comment.as_deref(),
                    reason: reason.as_deref(),
                    partner: if to == Stage::Referred { partner.as_deref() } else { None },
                },
            )?;
            w.audit(
                "case",
                &case_id,
                "update",
                Some(&serde_json::json!({ "stage": from })),
                Some(&serde_json::json!({ "stage": to })),
            )?;
            workflow(&w.tx, &case_id)
        })
    }
}
