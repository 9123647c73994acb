//! Reading and writing the partner directory.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::input::ValidPartner;
use super::{Partner, PartnerContact, PartnerFilter, PartnerInput};
use crate::ids::{new_id, parse_id};
use crate::paging::{Page, PageRequest, SqlList};
use crate::store::WriteCtx;
use crate::structures::LawfulBasis;
use crate::values::fold;
use crate::{Error, Result, Store};

const ENTITY: &str = "partner";

const SELECT: &str = "SELECT p.id, p.name, p.kind, p.territory, p.website, p.email, p.phone, p.notes, p.created_at,
        p.updated_at, (SELECT COUNT(*) FROM referrals r WHERE r.partner_id = p.id)
    FROM partners p";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Partner> {
    Ok(Partner {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        territory: r.get(3)?,
        website: r.get(4)?,
        email: r.get(5)?,
        phone: r.get(6)?,
        notes: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
        referrals: r.get(10)?,
        contacts: Vec::new(),
    })
}

fn with_contacts(conn: &Connection, mut p: Partner) -> Result<Partner> {
    let mut stmt = conn
        .prepare("SELECT id, name, role, email, phone, lawful_basis, lawful_basis_since FROM partner_contacts WHERE partner_id = ?1 ORDER BY position")?;
    p.contacts = stmt
        .query_map([&p.id], |r| {
            Ok(PartnerContact {
                id: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                email: r.get(3)?,
                phone: r.get(4)?,
                lawful_basis: r.get(5)?,
                lawful_basis_since: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(p)
}

pub(super) fn load(conn: &Connection, id: &str) -> Result<Partner> {
    let p = conn
        .query_row(&format!("{SELECT} WHERE p.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("Ce partenaire n'existe pas ou plus."))?;
    with_contacts(conn, p)
}

fn search_text(v: &ValidPartner) -> String {
    let mut words: Vec<&str> = vec![v.name.as_str()];
    words.extend(v.territory.as_deref());
    words.extend(v.contacts.iter().map(|c| c.name.as_str()));
    fold(&words.join(" "))
}

fn write_fields(w: &WriteCtx<'_>, id: &str, v: &ValidPartner) -> Result<()> {
    let conn: &Connection = &w.tx;
    conn.execute(
        "UPDATE partners SET name = ?2, search_name = ?3, kind = ?4, territory = ?5, website = ?6, email = ?7, phone = ?8,
                notes = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            id,
            v.name,
            search_text(v),
            v.kind,
            v.territory,
            v.website,
            v.email,
            v.phone,
            v.notes,
            w.now
        ],
    )?;
    // A contact keeps its id, and the date of its basis until the basis changes.
    let bases: std::collections::HashMap<String, (LawfulBasis, Option<NaiveDate>)> = conn
        .prepare("SELECT id, lawful_basis, lawful_basis_since FROM partner_contacts WHERE partner_id = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    conn.execute("DELETE FROM partner_contacts WHERE partner_id = ?1", [id])?;
    for (position, c) in (0_i64..).zip(&v.contacts) {
        let known = c.id.as_ref().and_then(|k| bases.get(k).map(|b| (k, b)));
        let since = c.lawful_basis.since(known.map(|(_, b)| b), w.today);
        let contact_id = known.map_or_else(new_id, |(k, _)| k.clone());
        conn.execute(
            "INSERT INTO partner_contacts (id, partner_id, position, name, role, email, phone, lawful_basis, lawful_basis_since)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![contact_id, id, position, c.name, c.role, c.email, c.phone, c.lawful_basis, since],
        )?;
    }
    Ok(())
}

impl Store {
    pub fn get_partner(&self, id: &str) -> Result<Partner> {
        load(self.conn(), &parse_id("id", id)?)
    }

    pub fn create_partner(&mut self, input: &PartnerInput) -> Result<Partner> {
        let v = input.validate()?;
        self.write(|w| {
            let id = new_id();
            let now = &w.now;
            w.tx.execute(
                "INSERT INTO partners (id, name, search_name, kind, created_at, updated_at) VALUES (?1, '', '', ?2, ?3, ?3)",
                params![id, v.kind, now],
            )?;
            write_fields(w, &id, &v)?;
            let after = load(&w.tx, &id)?;
            w.audit(ENTITY, &id, "create", None, Some(&serde_json::to_value(&after)?))?;
            Ok(after)
        })
    }

    pub fn update_partner(&mut self, id: &str, input: &PartnerInput) -> Result<Partner> {
        let id = parse_id("id", id)?;
        let v = input.validate()?;
        self.write(|w| w.audited(ENTITY, &id, "update", load, |_| write_fields(w, &id, &v)))
    }

    /// One page of the directory, by name, and how many match; contacts are left out (the
    /// list does not show them).
    pub fn list_partners(&self, filter: &PartnerFilter, page: PageRequest) -> Result<Page<Partner>> {
        let mut clauses = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        crate::store::every_word_in("p.search_name", &filter.query, &mut clauses, &mut params);
        if let Some(kind) = filter.kind {
            clauses.push("p.kind = ?".to_owned());
            params.push(Value::Text(kind.code().to_owned()));
        }
        let list =
            SqlList { select: SELECT, count_from: "FROM partners p", clauses: &clauses, order: "p.search_name, p.id" };
        list.read(self.conn(), params, page, from_row)
    }

    pub fn partner_history(&self, id: &str, page: PageRequest) -> Result<Page<crate::store::audit::AuditEntry>> {
        crate::store::audit::history(self.conn(), &[ENTITY], &parse_id("id", id)?, page)
    }
}
