//! Referrals of a case to a partner of the directory: recorded from the case, or by the
//! workflow when a case leaves as « Orienté » towards a partner of the directory.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::input::ValidReferral;
use super::{PartnerReferrals, Referral, ReferralFilter, ReferralInput, ReferralOutcome};
use crate::ids::{new_id, parse_id};
use crate::paging::{Page, PageRequest, SqlList, where_sql};
use crate::store::WriteCtx;
use crate::{Error, Result, Store};

const ENTITY: &str = "referral";

const FROM: &str = "FROM referrals r
    JOIN cases c ON c.id = r.case_id
    JOIN structures s ON s.id = c.structure_id
    JOIN partners p ON p.id = r.partner_id";

/// What a filter is counted over: its conditions bear on the referral alone.
const COUNTED: &str = "FROM referrals r";

const SELECT: &str = "SELECT r.id, r.case_id, c.reference, c.stage, s.id, s.name, p.id, p.name, p.kind, r.referred_on,
        r.reason, r.outcome, r.outcome_note";

/// Newest first; on the same day, the one recorded last first.
const ORDER: &str = "r.referred_on DESC, r.created_at DESC, r.id DESC";

/// The years a referral may be filtered on: a DLA's records start in the 2000s.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The conditions of a filter on `referrals r` alone, and their parameters: counting them
/// then reads no case, structure or partner (11,667 referrals at the bench's scale: the
/// counts read every case and structure when they were joined). A year is a range of
/// days, read along `referrals_by_day`.
fn conditions(filter: &ReferralFilter) -> Result<(Vec<String>, Vec<Value>)> {
    let mut clauses = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    if let Some(id) = &filter.structure_id {
        clauses.push("r.case_id IN (SELECT id FROM cases WHERE structure_id = ?)".to_owned());
        params.push(Value::Text(parse_id("structure_id", id)?));
    }
    if let Some(id) = &filter.case_id {
        clauses.push("r.case_id = ?".to_owned());
        params.push(Value::Text(parse_id("case_id", id)?));
    }
    if let Some(id) = &filter.partner_id {
        clauses.push("r.partner_id = ?".to_owned());
        params.push(Value::Text(parse_id("partner_id", id)?));
    }
    if let Some(kind) = filter.partner_kind {
        clauses.push("r.partner_id IN (SELECT id FROM partners WHERE kind = ?)".to_owned());
        params.push(Value::Text(kind.code().to_owned()));
    }
    if let Some(year) = filter.year {
        if !YEARS.contains(&year) {
            return Err(Error::validation(
                "year",
                format!("L'année des orientations va de {} à {} (demandé\u{a0}: {year}).", YEARS.start(), YEARS.end()),
            ));
        }
        clauses.push("r.referred_on BETWEEN ? AND ?".to_owned());
        params.extend([Value::Text(format!("{year}-01-01")), Value::Text(format!("{year}-12-31"))]);
    }
    Ok((clauses, params))
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Referral> {
    Ok(Referral {
        id: r.get(0)?,
        case_id: r.get(1)?,
        case_reference: r.get(2)?,
        case_stage: r.get(3)?,
        structure_id: r.get(4)?,
        structure_name: r.get(5)?,
        partner_id: r.get(6)?,
        partner_name: r.get(7)?,
        partner_kind: r.get(8)?,
        referred_on: r.get(9)?,
        reason: r.get(10)?,
        outcome: r.get(11)?,
        outcome_note: r.get(12)?,
    })
}

fn load(conn: &Connection, id: &str) -> Result<Referral> {
    conn.query_row(&format!("{SELECT} {FROM} WHERE r.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("Cette orientation n'existe pas ou plus."))
}

/// The case and the partner must exist, and a structure is not referred before it asked.
fn check_links(conn: &Connection, v: &ValidReferral) -> Result<()> {
    let request_date: Option<NaiveDate> =
        conn.query_row("SELECT request_date FROM cases WHERE id = ?1", [&v.case_id], |r| r.get(0)).optional()?;
    let request_date = request_date.ok_or_else(|| Error::not_found("Cet accompagnement n'existe pas ou plus."))?;
    let partner: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM partners WHERE id = ?1)", [&v.partner_id], |r| r.get(0))?;
    if !partner {
        return Err(Error::validation("partner_id", "Ce partenaire n'existe pas ou plus dans l'annuaire."));
    }
    if v.referred_on < request_date {
        return Err(Error::validation(
            "referred_on",
            format!("La date de l'orientation ne peut pas précéder la demande ({}).", request_date.format("%d/%m/%Y")),
        ));
    }
    Ok(())
}

fn insert(w: &WriteCtx<'_>, v: &ValidReferral) -> Result<String> {
    let conn: &Connection = &w.tx;
    let id = new_id();
    let now = &w.now;
    conn.execute(
        "INSERT INTO referrals (id, case_id, partner_id, referred_on, reason, outcome, outcome_note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, v.case_id, v.partner_id, v.referred_on, v.reason, v.outcome, v.outcome_note, now],
    )?;
    Ok(id)
}

/// A case that leaves as « Orienté » towards a partner of the directory is a referral too,
/// written in the move's transaction so that the overview of referrals misses none.
pub(crate) fn record_exit_referral(
    w: &crate::store::WriteCtx<'_>,
    case_id: &str,
    partner_id: &str,
    on: NaiveDate,
    reason: &str,
) -> Result<String> {
    let v = ValidReferral {
        case_id: case_id.to_owned(),
        partner_id: parse_id("partner_id", partner_id)?,
        referred_on: on,
        reason: reason.to_owned(),
        outcome: ReferralOutcome::Pending,
        outcome_note: None,
    };
    check_links(&w.tx, &v)?;
    let id = insert(w, &v)?;
    w.audit(ENTITY, &id, "create", None, Some(&serde_json::to_value(load(&w.tx, &id)?)?))?;
    let partner_name: String =
        w.tx.query_row("SELECT name FROM partners WHERE id = ?1", [&v.partner_id], |r| r.get(0))?;
    Ok(partner_name)
}

impl Store {
    /// One page of the referrals, newest first: on a case, on a partner, or all of them
    /// with the overview's filters.
    pub fn list_referrals(&self, filter: &ReferralFilter, page: PageRequest) -> Result<Page<Referral>> {
        let (clauses, params) = conditions(filter)?;
        let select = format!("{SELECT} {FROM}");
        let list = SqlList { select: &select, count_from: COUNTED, clauses: &clauses, order: ORDER };
        list.read(self.conn(), params, page, from_row)
    }

    /// The overview's referrals counted by partner, most first, then by name.
    pub fn referral_partners(&self, filter: &ReferralFilter) -> Result<Vec<PartnerReferrals>> {
        let (clauses, params) = conditions(filter)?;
        let mut stmt = self.conn().prepare(&format!(
            "SELECT p.id, p.name, p.kind, count(*) AS n FROM referrals r JOIN partners p ON p.id = r.partner_id {}
             GROUP BY p.id ORDER BY n DESC, p.name COLLATE fr, p.id",
            where_sql(&clauses)
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok(PartnerReferrals {
                partner_id: r.get(0)?,
                partner_name: r.get(1)?,
                partner_kind: r.get(2)?,
                referrals: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A referral may be recorded on a finished case too: its outcome is often learnt after
    /// the case has left as « Orienté ».
    pub fn create_referral(&mut self, input: &ReferralInput) -> Result<Referral> {
        let v = input.validate(self.today())?;
        self.write(|w| {
            check_links(&w.tx, &v)?;
            let id = insert(w, &v)?;
            let after = load(&w.tx, &id)?;
            w.audit(ENTITY, &id, "create", None, Some(&serde_json::to_value(&after)?))?;
            Ok(after)
        })
    }

    pub fn update_referral(&mut self, id: &str, input: &ReferralInput) -> Result<Referral> {
        let id = parse_id("id", id)?;
        let v = input.validate(self.today())?;
        self.write(|w| {
            w.audited(ENTITY, &id, "update", load, |before| {
                if before.case_id != v.case_id {
                    return Err(Error::validation("case_id", "Une orientation reste sur son accompagnement."));
                }
                check_links(&w.tx, &v)?;
                w.tx.execute(
                    "UPDATE referrals SET partner_id = ?2, referred_on = ?3, reason = ?4, outcome = ?5, outcome_note = ?6,
                            updated_at = ?7
                     WHERE id = ?1",
                    params![id, v.partner_id, v.referred_on, v.reason, v.outcome, v.outcome_note, w.now],
                )?;
                Ok(())
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overview_is_read_newest_first_along_the_days_index_a_year_as_a_range_of_it() {
        let store = Store::open_in_memory().unwrap();
        for year in [None, Some(2025)] {
            let (clauses, mut params) = conditions(&ReferralFilter { year, ..Default::default() }).unwrap();
            let select = format!("{SELECT} {FROM}");
            let list = SqlList { select: &select, count_from: COUNTED, clauses: &clauses, order: ORDER };
            let count = crate::store::query_plan(store.conn(), &list.count_sql(), &params);
            assert!(["cases", "structures", "partners"].iter().all(|t| !count.contains(t)), "{count}");
            params.extend([Value::Integer(50), Value::Integer(0)]);
            let plan = crate::store::query_plan(store.conn(), &list.page_sql(), &params);
            let along = if year.is_some() {
                "SEARCH r USING INDEX referrals_by_day (referred_on>? AND referred_on<?)"
            } else {
                "SCAN r USING INDEX referrals_by_day"
            };
            assert!(plan.contains(along), "{plan}");
            assert!(!plan.contains("TEMP B-TREE"), "{plan}");
        }
    }
}
