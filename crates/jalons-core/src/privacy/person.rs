//! Who a right is exercised for: a record (a structure's contact, a partner's contact, a
//! consultant) or a name typed without one (a requester, someone met, someone present).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::parse_id;
use crate::structures::{ContactRole, LawfulBasis};
use crate::values::required_text;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PersonRef {
    Contact {
        id: String,
    },
    PartnerContact {
        id: String,
    },
    Consultant {
        id: String,
    },
    /// A name typed without a record.
    Named {
        name: String,
    },
}

/// What is known of the person, to find them and to tell them.
#[derive(Debug, Clone)]
pub(crate) struct Identity {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Their record, in French: « Contact de la structure Les Arts Buissonniers (présidente) ».
    pub record: Option<String>,
    pub lawful_basis: Option<(LawfulBasis, Option<NaiveDate>)>,
}

fn gone() -> Error {
    Error::not_found("Cette personne n'existe pas ou plus (elle a peut-être déjà été effacée).")
}

type Row = (String, Option<String>, Option<String>, Option<String>, String, Option<NaiveDate>, String);

fn record_of(conn: &Connection, sql: &str, id: &str) -> Result<Row> {
    conn.query_row(sql, [id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))
        .optional()?
        .ok_or_else(gone)
}

fn identity(row: Row, record: String) -> Result<Identity> {
    let (name, email, phone, _, basis, since, _) = row;
    Ok(Identity {
        name,
        email,
        phone,
        record: Some(record),
        lawful_basis: Some((LawfulBasis::parse("lawful_basis", &basis)?, since)),
    })
}

pub(crate) fn identify(conn: &Connection, person: &PersonRef) -> Result<Identity> {
    match person {
        PersonRef::Contact { id } => {
            let row = record_of(
                conn,
                "SELECT c.name, c.email, c.phone, c.role, c.lawful_basis, c.lawful_basis_since, s.name
                 FROM contacts c JOIN structures s ON s.id = c.structure_id WHERE c.id = ?1",
                &parse_id("id", id)?,
            )?;
            let role = ContactRole::parse("role", row.3.as_deref().unwrap_or_default())?;
            let record = format!("Contact de la structure {} ({})", row.6, role.label().to_lowercase());
            identity(row, record)
        }
        PersonRef::PartnerContact { id } => {
            let row = record_of(
                conn,
                "SELECT c.name, c.email, c.phone, c.role, c.lawful_basis, c.lawful_basis_since, p.name
                 FROM partner_contacts c JOIN partners p ON p.id = c.partner_id WHERE c.id = ?1",
                &parse_id("id", id)?,
            )?;
            let record = match &row.3 {
                Some(role) => format!("Contact du partenaire {} ({role})", row.6),
                None => format!("Contact du partenaire {}", row.6),
            };
            identity(row, record)
        }
        PersonRef::Consultant { id } => {
            let row = record_of(
                conn,
                "SELECT name, email, phone, organisation, lawful_basis, lawful_basis_since, '' FROM consultants WHERE id = ?1",
                &parse_id("id", id)?,
            )?;
            if row.0 == super::mentions::ERASED {
                return Err(gone());
            }
            let record = match &row.3 {
                Some(organisation) => format!("Consultant du registre ({organisation})"),
                None => "Consultant du registre".to_owned(),
            };
            identity(row, record)
        }
        PersonRef::Named { name } => Ok(Identity {
            name: required_text("name", "Le nom de la personne", name, 200)?,
            email: None,
            phone: None,
            record: None,
            lawful_basis: None,
        }),
    }
}
