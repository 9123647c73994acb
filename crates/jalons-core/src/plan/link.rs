//! The link between a parcours action of kind « ingénierie » and the ingénierie that
//! carries it out. The action's status is then the ingénierie's, kept in the action's row
//! whenever either side is written, so every reader (guards, summary, reports) sees it.

use rusqlite::{Connection, OptionalExtension, params};

use super::{ActionKind, ActionStatus};
use crate::engagements::{EngagementStatus, Milestones};
use crate::{Error, Result};

/// Where an action stands once its ingénierie is where `status` says.
pub(crate) fn action_status(status: EngagementStatus) -> ActionStatus {
    use EngagementStatus::*;
    match status {
        Preparing => ActionStatus::Planned,
        TermsWritten | Consulting | Chosen | Started | Restituted => ActionStatus::InProgress,
        Finished => ActionStatus::Done,
        Cancelled => ActionStatus::Dropped,
    }
}

/// The ingénierie's title and status, if it serves the case.
pub(crate) fn serving(
    conn: &Connection,
    engagement_id: &str,
    case_id: &str,
) -> Result<Option<(String, EngagementStatus)>> {
    let row = conn
        .query_row(
            "SELECT e.title, e.terms_date, e.consultation_date, e.decision_date, e.kickoff_date, e.restitution_date,
                    e.final_report_date, e.cancelled_on
             FROM engagements e JOIN engagement_cases ec ON ec.engagement_id = e.id
             WHERE e.id = ?1 AND ec.case_id = ?2",
            params![engagement_id, case_id],
            |r| Ok((r.get::<_, String>(0)?, Milestones::read(r, 1)?.status())),
        )
        .optional()?;
    Ok(row)
}

/// Writes the ingénierie's status into every action it carries out, and unlinks the
/// actions of cases it no longer serves.
pub(crate) fn sync_actions(conn: &Connection, engagement_id: &str, status: EngagementStatus) -> Result<()> {
    conn.execute(
        "UPDATE plan_actions SET engagement_id = NULL
         WHERE engagement_id = ?1 AND axis_id NOT IN (
             SELECT x.id FROM plan_axes x JOIN engagement_cases ec ON ec.case_id = x.case_id WHERE ec.engagement_id = ?1)",
        [engagement_id],
    )?;
    conn.execute(
        "UPDATE plan_actions SET status = ?2 WHERE engagement_id = ?1",
        params![engagement_id, action_status(status)],
    )?;
    Ok(())
}

/// Links a new ingénierie to the action it was created from: an action of kind
/// « ingénierie », not yet carried out by another, of a case the ingénierie serves.
pub(crate) fn link_created(conn: &Connection, action_id: &str, engagement_id: &str) -> Result<()> {
    let row: Option<(ActionKind, Option<String>, bool)> = conn
        .query_row(
            "SELECT a.kind, a.engagement_id,
                    EXISTS (SELECT 1 FROM engagement_cases ec WHERE ec.engagement_id = ?2 AND ec.case_id = x.case_id)
             FROM plan_actions a JOIN plan_axes x ON x.id = a.axis_id WHERE a.id = ?1",
            params![action_id, engagement_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((kind, linked, serves)) = row else {
        return Err(Error::validation("plan_action_id", "L'action du parcours n'existe pas ou plus."));
    };
    if kind != ActionKind::Engineering {
        return Err(Error::validation(
            "plan_action_id",
            "Seule une action «\u{a0}Ingénierie DLA\u{a0}» du parcours est réalisée par une ingénierie.",
        ));
    }
    if linked.is_some() {
        return Err(Error::validation(
            "plan_action_id",
            "Cette action du parcours est déjà réalisée par une autre ingénierie.",
        ));
    }
    if !serves {
        return Err(Error::validation(
            "plan_action_id",
            "L'action choisie appartient au parcours d'un accompagnement que cette ingénierie ne sert pas.",
        ));
    }
    conn.execute("UPDATE plan_actions SET engagement_id = ?2 WHERE id = ?1", params![action_id, engagement_id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_action_follows_its_ingenierie() {
        assert_eq!(action_status(EngagementStatus::Preparing), ActionStatus::Planned);
        assert_eq!(action_status(EngagementStatus::Chosen), ActionStatus::InProgress);
        assert_eq!(action_status(EngagementStatus::Restituted), ActionStatus::InProgress);
        assert_eq!(action_status(EngagementStatus::Finished), ActionStatus::Done);
        assert_eq!(action_status(EngagementStatus::Cancelled), ActionStatus::Dropped);
    }
}
