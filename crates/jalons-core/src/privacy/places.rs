//! Where a person may be written: every text column of every table, read from the schema
//! itself, so that a column added later is searched without anyone remembering to list it.
//! Left out: keys, codes and dates; the names and switchboards of organisations (public,
//! and not a person's data); the tables read apart (the audit trail, the attachments, the tombstones); the
//! search indexes, kept in step by their triggers; the DLA's own settings and identity.

use rusqlite::Connection;

use crate::Result;

/// A text column that may name a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub table: String,
    pub column: String,
}

const TABLES_APART: &[&str] = &[
    "audit_log",
    "audit_head",
    "erasures",
    "attachments",
    "stored_files",
    "settings",
    "operator",
    "engagement_search",
    "commune_lists",
    "commune_density",
    "commune_frr",
];

/// The columns that say who a person with a record is. Another record that matches is
/// another person of the same name (or the same person recorded twice): it is shown, not
/// changed; the record erased is removed whole.
pub const IDENTITY: &[(&str, &[&str])] = &[
    ("contacts", &["name", "email", "phone"]),
    ("partner_contacts", &["name", "email", "phone"]),
    ("consultants", &["name", "email", "phone", "search_name"]),
    ("partners", &["search_name"]),
];

/// What says who an organisation is: its name, the folded copy for search, the
/// organisation's own address and phone (a partner's switchboard, not a person's).
const ORGANISATION_NAMES: &[(&str, &str)] = &[
    ("structures", "name"),
    ("structures", "acronym"),
    ("structures", "search_name"),
    ("structures", "sort_name"),
    ("partners", "name"),
    ("partners", "email"),
    ("partners", "phone"),
    ("partners", "website"),
    ("cooperation_projects", "name"),
    ("cooperation_projects", "search_name"),
    ("funders", "name"),
];

fn is_key_code_or_date(column: &str) -> bool {
    column == "id" || ["_id", "_ids", "_at", "_on", "date", "_since", "sha256"].iter().any(|end| column.ends_with(end))
}

/// Every place to search, in schema order.
pub fn text_places(conn: &Connection) -> Result<Vec<Place>> {
    let tables: Vec<(String, bool)> = conn
        .prepare(
            "SELECT name, sql LIKE 'CREATE VIRTUAL TABLE%' FROM sqlite_schema WHERE type = 'table' ORDER BY rowid",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let virtual_tables: Vec<&str> = tables.iter().filter(|(_, v)| *v).map(|(n, _)| n.as_str()).collect();
    let mut places = Vec::new();
    for (table, is_virtual) in &tables {
        let shadow = virtual_tables.iter().any(|v| table.starts_with(&format!("{v}_")));
        if *is_virtual || shadow || table.starts_with("sqlite_") || TABLES_APART.contains(&table.as_str()) {
            continue;
        }
        let columns: Vec<(String, String)> = conn
            .prepare("SELECT name, upper(type) FROM pragma_table_info(?1)")?
            .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (column, kind) in columns {
            let organisation = ORGANISATION_NAMES.contains(&(table.as_str(), column.as_str()));
            let identity = IDENTITY.iter().any(|(t, cs)| t == table && cs.contains(&column.as_str()));
            if (kind == "TEXT" || kind.is_empty()) && !organisation && !identity && !is_key_code_or_date(&column) {
                places.push(Place { table: table.clone(), column });
            }
        }
    }
    Ok(places)
}

/// What a row of `table` is, in French, singular and plural.
pub fn table_label(table: &str) -> (&'static str, &'static str) {
    match table {
        "structures" => ("fiche de structure", "fiches de structure"),
        "contacts" => ("fiche de contact", "fiches de contact"),
        "cases" => ("dossier d'accompagnement", "dossiers d'accompagnement"),
        "case_events" => ("étape d'un dossier", "étapes de dossiers"),
        "journal_entries" => ("entrée du journal", "entrées du journal"),
        "diagnostic_interviews" => ("entretien du diagnostic", "entretiens du diagnostic"),
        "diagnostics" | "diagnostic_scores" => ("diagnostic", "diagnostics"),
        "plans" => ("parcours", "parcours"),
        "plan_axes" | "plan_actions" => ("élément de parcours", "éléments de parcours"),
        "attachments" => ("pièce jointe", "pièces jointes"),
        "consultants" => ("fiche de consultant", "fiches de consultant"),
        "engagements" | "engagement_offers" | "engagement_cases" => ("ingénierie", "ingénieries"),
        "follow_ups" => ("suivi", "suivis"),
        "employer_obligations" => ("obligation d'employeur", "obligations d'employeur"),
        "finance_applications" => ("demande de financement", "demandes de financement"),
        "partners" => ("fiche de partenaire", "fiches de partenaire"),
        "partner_contacts" => ("contact d'un partenaire", "contacts de partenaires"),
        "referrals" => ("orientation", "orientations"),
        "cooperation_projects" | "cooperation_members" => ("coopération", "coopérations"),
        "training_plans" | "training_actions" => ("action de formation", "actions de formation"),
        "tasks" => ("tâche", "tâches"),
        "funders" | "case_funders" => ("ligne de financement", "lignes de financement"),
        _ => ("autre fiche", "autres fiches"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn every_free_text_is_searched_and_no_key_or_organisation_name() {
        let store = Store::open_in_memory().unwrap();
        let places = text_places(store.conn()).unwrap();
        let has = |t: &str, c: &str| places.contains(&Place { table: t.into(), column: c.into() });
        for (t, c) in [
            ("contacts", "role"),
            ("consultants", "notes"),
            ("cases", "requester"),
            ("cases", "request_text"),
            ("journal_entries", "body"),
            ("journal_entries", "people"),
            ("diagnostic_interviews", "people"),
            ("diagnostic_interviews", "notes"),
            ("partner_contacts", "role"),
            ("tasks", "title"),
        ] {
            assert!(has(t, c), "{t}.{c}");
        }
        for (t, c) in
            [("contacts", "id"), ("contacts", "structure_id"), ("structures", "name"), ("cases", "created_at")]
        {
            assert!(!has(t, c), "{t}.{c}");
        }
        assert!(!places.iter().any(|p| p.table.starts_with("search_index") || p.table == "audit_log"));
        assert!(places.iter().all(|p| table_label(&p.table).0 != "autre fiche"), "a table without a label");
    }
}
