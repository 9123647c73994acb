//! Reading and writing a case's follow-up.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::{FollowUp, FollowUpInput, FollowUpRecord, follow_up_due};
use crate::cases::editable_case;
use crate::ids::parse_id;
use crate::values::Etp;
use crate::{Result, Store};

const ENTITY: &str = "follow_up";

fn load(conn: &Connection, case_id: &str, today: NaiveDate) -> Result<FollowUp> {
    let record = conn
        .query_row(
            "SELECT done_on, headcount, etp, appropriation, new_needs, jobs, economic, strategy, partnerships, outcome, updated_at
             FROM follow_ups WHERE case_id = ?1",
            [case_id],
            |r| {
                Ok(FollowUpRecord {
                    done_on: r.get(0)?,
                    headcount: r.get(1)?,
                    etp: r.get(2)?,
                    appropriation: r.get(3)?,
                    new_needs: r.get(4)?,
                    jobs: r.get(5)?,
                    economic: r.get(6)?,
                    strategy: r.get(7)?,
                    partnerships: r.get(8)?,
                    outcome: r.get(9)?,
                    updated_at: r.get(10)?,
                })
            },
        )
        .optional()?;
    let diag: Option<(Option<NaiveDate>, Option<i64>, Option<Etp>)> = conn
        .query_row("SELECT validated_on, headcount, etp FROM diagnostics WHERE case_id = ?1", [case_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let (validated, diagnostic_headcount, diagnostic_etp) = diag.unwrap_or((None, None, None));
    Ok(FollowUp {
        case_id: case_id.to_owned(),
        due: validated.map(|v| follow_up_due(v, record.is_some(), today)),
        record,
        diagnostic_headcount,
        diagnostic_etp,
    })
}

impl Store {
    pub fn get_follow_up(&self, case_id: &str) -> Result<FollowUp> {
        let case_id = parse_id("case_id", case_id)?;
        self.get_case(&case_id)?;
        load(self.conn(), &case_id, self.today())
    }

    pub fn save_follow_up(&mut self, case_id: &str, input: &FollowUpInput) -> Result<FollowUp> {
        let case_id = parse_id("case_id", case_id)?;
        self.write(|w| {
            let case = editable_case(&w.tx, &case_id, crate::cases::CasePart::FollowUp)?;
            let validated: Option<NaiveDate> = w
                .tx
                .query_row("SELECT validated_on FROM diagnostics WHERE case_id = ?1", [&case_id], |r| r.get(0))
                .optional()?
                .flatten();
            let v = input.validate(validated.unwrap_or(case.request_date), w.today)?;
            let before = load(&w.tx, &case_id, w.today)?;
            w.tx.execute(
                "INSERT INTO follow_ups (case_id, done_on, headcount, etp, appropriation, new_needs, jobs, economic, strategy,
                                         partnerships, outcome, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                 ON CONFLICT (case_id) DO UPDATE SET done_on = ?2, headcount = ?3, etp = ?4, appropriation = ?5,
                     new_needs = ?6, jobs = ?7, economic = ?8, strategy = ?9, partnerships = ?10, outcome = ?11, updated_at = ?12",
                params![
                    case_id,
                    v.done_on,
                    v.headcount,
                    v.etp,
                    v.appropriation,
                    v.new_needs,
                    v.jobs,
                    v.economic,
                    v.strategy,
                    v.partnerships,
                    v.outcome,
                    w.now
                ],
            )?;
            let after = load(&w.tx, &case_id, w.today)?;
            let action = if before.record.is_some() { "update" } else { "create" };
            w.audit(
                ENTITY,
                &case_id,
                action,
                Some(&serde_json::to_value(&before.record)?),
                Some(&serde_json::to_value(&after.record)?),
            )?;
            Ok(after)
        })
    }
}
