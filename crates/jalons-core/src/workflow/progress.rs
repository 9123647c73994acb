//! The guards: what a case's records must hold before it moves forward, each missing
//! item as a French sentence that says what to do. The same list is the case page's
//! "what is missing" and the refusal of a move.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use crate::Result;
use crate::cases::Stage;
use crate::diagnostic::DiagnosticDomain;
use crate::plan::{ActionKind, ActionStatus};

/// What the guards look at, read from the case's records in one place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Progress {
    pub interviews: i64,
    pub scored_domains: i64,
    pub has_problem_statement: bool,
    pub diagnostic_validated: Option<NaiveDate>,
    pub plan_actions: i64,
    /// Actions of the parcours that are an ingénierie DLA, not dropped.
    pub engineering_actions: i64,
    pub plan_validated: Option<NaiveDate>,
    /// Titles of the case's ingénieries, with whether each is over (final report or
    /// cancelled).
    pub engagements: Vec<(String, bool, bool)>,
    pub follow_up_done: Option<NaiveDate>,
    /// Actions of the parcours neither done nor dropped: description, kind and status.
    pub open_actions: Vec<(String, ActionKind, ActionStatus)>,
}

impl Progress {
    pub fn load(conn: &Connection, case_id: &str) -> Result<Self> {
        let diag: Option<(bool, Option<NaiveDate>)> = conn
            .query_row(
                "SELECT coalesce(problem_statement, '') <> '', validated_on FROM diagnostics WHERE case_id = ?1",
                [case_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let count = |sql: &str| conn.query_row(sql, [case_id], |r| r.get::<_, i64>(0));
        let mut stmt = conn.prepare(
            "SELECT e.title, e.final_report_date IS NOT NULL, e.cancelled_on IS NOT NULL
             FROM engagements e JOIN engagement_cases ec ON ec.engagement_id = e.id
             WHERE ec.case_id = ?1 ORDER BY e.created_at",
        )?;
        let engagements =
            stmt.query_map([case_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
        let mut stmt = conn.prepare(
            "SELECT a.description, a.kind, a.status FROM plan_actions a JOIN plan_axes x ON x.id = a.axis_id
             WHERE x.case_id = ?1 AND a.status NOT IN ('done', 'dropped') ORDER BY x.position, a.position",
        )?;
        let open_actions =
            stmt.query_map([case_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(Self {
            interviews: count("SELECT COUNT(*) FROM diagnostic_interviews WHERE case_id = ?1")?,
            scored_domains: count("SELECT COUNT(*) FROM diagnostic_scores WHERE case_id = ?1 AND score IS NOT NULL")?,
            has_problem_statement: diag.as_ref().is_some_and(|d| d.0),
            diagnostic_validated: diag.and_then(|d| d.1),
            plan_actions: count(
                "SELECT COUNT(*) FROM plan_actions a JOIN plan_axes x ON x.id = a.axis_id WHERE x.case_id = ?1",
            )?,
            engineering_actions: count(
                "SELECT COUNT(*) FROM plan_actions a JOIN plan_axes x ON x.id = a.axis_id
                 WHERE x.case_id = ?1 AND a.kind = 'engineering' AND a.status <> 'dropped'",
            )?,
            plan_validated: conn
                .query_row("SELECT validated_on FROM plans WHERE case_id = ?1", [case_id], |r| r.get(0))
                .optional()?
                .flatten(),
            engagements,
            follow_up_done: conn
                .query_row("SELECT done_on FROM follow_ups WHERE case_id = ?1", [case_id], |r| r.get(0))
                .optional()?,
            open_actions,
        })
    }

    /// What a move to `to` leaves unfinished: the user is told and confirms, the move is
    /// not refused. Closing with parcours actions still open is the one case.
    pub fn left_open(&self, to: Stage) -> Vec<String> {
        if to != Stage::Closed {
            return Vec::new();
        }
        self.open_actions
            .iter()
            .map(|(description, kind, status)| {
                format!("«\u{a0}{description}\u{a0}» ({}, {})", kind.label(), status.label().to_lowercase())
            })
            .collect()
    }

    /// What is missing to move forward from `from` to `to`; empty when the move may go.
    pub fn missing(&self, from: Stage, to: Stage) -> Vec<String> {
        let mut out = Vec::new();
        match to {
            Stage::Plan => {
                if self.interviews == 0 {
                    out.push("Enregistrez au moins un entretien du diagnostic.".to_owned());
                }
                let total = DiagnosticDomain::ALL.len() as i64;
                if self.scored_domains < total {
                    out.push(format!(
                        "Notez les {total} domaines du diagnostic ({} sur {total} notés).",
                        self.scored_domains
                    ));
                }
                if !self.has_problem_statement {
                    out.push("Rédigez la problématique du diagnostic.".to_owned());
                }
                if self.diagnostic_validated.is_none() {
                    out.push(
                        "Le diagnostic doit être validé par les instances de la structure avant d'élaborer le parcours\u{a0}: indiquez la date de validation."
                            .to_owned(),
                    );
                }
            }
            Stage::Engineering | Stage::FollowUp if from == Stage::Plan => {
                if self.plan_actions == 0 {
                    out.push("Ajoutez au moins une action au parcours.".to_owned());
                }
                if self.plan_validated.is_none() {
                    out.push(
                        "Le parcours doit être validé par la structure\u{a0}: indiquez la date de validation."
                            .to_owned(),
                    );
                }
                let live_engagement = self.engagements.iter().any(|(_, _, cancelled)| !cancelled);
                if to == Stage::Engineering && !live_engagement {
                    out.push("Créez l'ingénierie à mettre en œuvre avant de passer à la mise en œuvre.".to_owned());
                }
                // The plan says which way the case goes: an ingénierie passes through its
                // implementation, so the suivi is not offered as ready past it.
                if to == Stage::FollowUp && (self.engineering_actions > 0 || live_engagement) {
                    out.push(
                        "Le parcours prévoit une ingénierie DLA\u{a0}: passez d'abord par «\u{a0}Mise en œuvre\u{a0}», ou retirez l'action d'ingénierie du parcours."
                            .to_owned(),
                    );
                }
            }
            Stage::FollowUp => {
                for (title, finished, cancelled) in &self.engagements {
                    if !finished && !cancelled {
                        out.push(format!(
                            "L'ingénierie «\u{a0}{title}\u{a0}» n'est pas terminée\u{a0}: enregistrez la réception du rapport final, ou annulez-la."
                        ));
                    }
                }
            }
            Stage::Closed if self.follow_up_done.is_none() => {
                out.push("Enregistrez le suivi (date, emplois, critères de performance) avant de clôturer.".to_owned());
            }
            _ => {}
        }
        out
    }
}
