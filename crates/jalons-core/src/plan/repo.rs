//! Reading and writing a case's parcours, saved whole as the form shows it.

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::{Axis, Plan, PlanAction, PlanInput, link};
use crate::cases::{Stage, editable_case};
use crate::ids::{new_id, parse_id};
use crate::{Error, Result, Store};

const ENTITY: &str = "plan";

type Header = (Option<NaiveDate>, Option<String>, Option<NaiveDate>, String);

fn load(conn: &Connection, case_id: &str) -> Result<Plan> {
    let header: Option<Header> = conn
        .query_row(
            "SELECT committee_date, committee_opinion, validated_on, updated_at FROM plans WHERE case_id = ?1",
            [case_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let mut axes_stmt = conn.prepare("SELECT id, title FROM plan_axes WHERE case_id = ?1 ORDER BY position")?;
    let mut actions_stmt = conn.prepare(
        "SELECT a.id, a.kind, a.description, a.theme, a.partner, a.due_date, a.status, a.engagement_id, e.title
         FROM plan_actions a LEFT JOIN engagements e ON e.id = a.engagement_id
         WHERE a.axis_id = ?1 ORDER BY a.position",
    )?;
    let mut axes = Vec::new();
    for row in axes_stmt.query_map([case_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (id, title) = row?;
        let actions = actions_stmt
            .query_map([&id], |r| {
                Ok(PlanAction {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    description: r.get(2)?,
                    theme: r.get(3)?,
                    partner: r.get(4)?,
                    due_date: r.get(5)?,
                    status: r.get(6)?,
                    engagement_id: r.get(7)?,
                    engagement_title: r.get(8)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        axes.push(Axis { id, title, actions });
    }
    let (committee_date, committee_opinion, validated_on, updated_at) = match header {
        Some((c, o, v, u)) => (c, o, v, Some(u)),
        None => (None, None, None, None),
    };
    Ok(Plan { case_id: case_id.to_owned(), axes, committee_date, committee_opinion, validated_on, updated_at })
}

impl Store {
    pub fn get_plan(&self, case_id: &str) -> Result<Plan> {
        let case_id = parse_id("case_id", case_id)?;
        self.get_case(&case_id)?;
        load(self.conn(), &case_id)
    }

    pub fn save_plan(&mut self, case_id: &str, input: &PlanInput) -> Result<Plan> {
        let case_id = parse_id("case_id", case_id)?;
        self.write(|w| {
            let case = editable_case(&w.tx, &case_id, crate::cases::CasePart::Plan)?;
            let diagnostic_validated: Option<NaiveDate> = w
                .tx
                .query_row("SELECT validated_on FROM diagnostics WHERE case_id = ?1", [&case_id], |r| r.get(0))
                .optional()?
                .flatten();
            let v = input.validate(diagnostic_validated.unwrap_or(case.request_date), w.today)?;
            let before = load(&w.tx, &case_id)?;
            if v.validated_on.is_none() && before.validated_on.is_some() && case.stage != Stage::Plan {
                return Err(Error::validation(
                    "validated_on",
                    "La mise en œuvre s'appuie sur ce parcours validé\u{a0}: sa date de validation ne peut pas être effacée.",
                ));
            }
            w.tx.execute(
                "INSERT INTO plans (case_id, committee_date, committee_opinion, validated_on, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (case_id) DO UPDATE SET committee_date = ?2, committee_opinion = ?3, validated_on = ?4, updated_at = ?5",
                params![case_id, v.committee_date, v.committee_opinion, v.validated_on, w.now],
            )?;
            let known: HashSet<String> =
                before.axes.iter().flat_map(|x| &x.actions).map(|a| a.id.clone()).collect();
            let mut kept = HashSet::new();
            // Each linked ingénierie is read once: its status becomes the action's below.
            let mut carried = std::collections::HashMap::new();
            for (i, axis) in v.axes.iter().enumerate() {
                for (j, a) in axis.actions.iter().enumerate() {
                    let within = |e: Error| e.within(&format!("axes.{i}.actions.{j}"));
                    if let Some(id) = &a.id
                        && (!known.contains(id) || !kept.insert(id.clone()))
                    {
                        return Err(within(Error::validation(
                            "id",
                            "Une action du parcours a changé entre-temps\u{a0}: rechargez la page avant d'enregistrer.",
                        )));
                    }
                    if let Some(e) = &a.engagement_id {
                        let Some((title, status)) = link::serving(&w.tx, e, &case_id)? else {
                            return Err(within(Error::validation(
                                "engagement_id",
                                "Cette ingénierie n'existe pas ou plus, ou ne sert pas cet accompagnement.",
                            )));
                        };
                        if carried.insert(e.clone(), link::action_status(status)).is_some() {
                            return Err(within(Error::validation(
                                "engagement_id",
                                format!("L'ingénierie «\u{a0}{title}\u{a0}» réalise déjà une autre action du parcours."),
                            )));
                        }
                    }
                }
            }
            w.tx.execute("DELETE FROM plan_axes WHERE case_id = ?1", [&case_id])?;
            for (i, axis) in (0_i64..).zip(&v.axes) {
                let axis_id = new_id();
                w.tx.execute(
                    "INSERT INTO plan_axes (id, case_id, position, title) VALUES (?1, ?2, ?3, ?4)",
                    params![axis_id, case_id, i, axis.title],
                )?;
                for (j, a) in (0_i64..).zip(&axis.actions) {
                    let status = a.engagement_id.as_ref().and_then(|e| carried.get(e).copied()).unwrap_or(a.status);
                    w.tx.execute(
                        "INSERT INTO plan_actions (id, axis_id, position, kind, description, theme, partner, due_date, status, engagement_id)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                        params![
                            a.id.clone().unwrap_or_else(new_id),
                            axis_id,
                            j,
                            a.kind,
                            a.description,
                            a.theme,
                            a.partner,
                            a.due_date,
                            status,
                            a.engagement_id
                        ],
                    )?;
                }
            }
            let after = load(&w.tx, &case_id)?;
            let action = if before.updated_at.is_some() { "update" } else { "create" };
            w.audit(ENTITY, &case_id, action, Some(&serde_json::to_value(&before)?), Some(&serde_json::to_value(&after)?))?;
            Ok(after)
        })
    }
}
