//! The right of access: everything Jalons holds on one person (their record and its lawful
//! basis, every text that names them, the history lines whose values name them, the files
//! named after them) as one plain text file a chargé can send them.

use std::fmt::Write;

use chrono::NaiveDate;

use super::erase::needles_of;
use super::person::{PersonRef, identify};
use super::places::table_label;
use super::scan::scan;
use crate::french::{count, of_person};
use crate::{Result, Store};

/// What Jalons holds on one person, ready to be written out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonData {
    pub name: String,
    /// The whole text, in French.
    pub text: String,
    /// How many texts, history lines and files name them.
    pub mentions: usize,
}

fn entity_label(entity: &str) -> &'static str {
    match entity {
        "structure" => "Fiche de structure",
        "case" => "Dossier d'accompagnement",
        "diagnostic" => "Diagnostic",
        "plan" => "Parcours",
        "follow_up" => "Suivi",
        "journal" => "Journal",
        "consultant" => "Fiche de consultant",
        "partner" => "Fiche de partenaire",
        "referral" => "Orientation",
        "engagement" => "Ingénierie",
        "cooperation" => "Coopération",
        "employer" => "Fonction employeur",
        "finance" => "Demande de financement",
        "training" => "Formation",
        "task" => "Tâche",
        "attachment" => "Pièce jointe",
        "funder" => "Ligne de financement",
        _ => "Autre fiche",
    }
}

fn column_label(column: &str) -> &str {
    match column {
        "people" => "personnes",
        "requester" => "demandeur",
        "request_text" => "demande",
        "body" => "compte rendu",
        "notes" => "notes",
        "title" => "intitulé",
        "place" => "lieu",
        "role" => "fonction",
        other => other,
    }
}

/// A text as read: a list of names as « Karim Diallo, Nadia Benali ».
fn readable(text: &str) -> String {
    match serde_json::from_str::<Vec<String>>(text) {
        Ok(items) if text.starts_with('[') => items.join(", "),
        _ => text.to_owned(),
    }
}

fn action_label(action: &str) -> &str {
    match action {
        "create" => "création",
        "update" => "modification",
        "delete" => "suppression",
        other => other,
    }
}

fn day(stamp: &str) -> String {
    stamp
        .get(..10)
        .and_then(|d| d.parse::<NaiveDate>().ok())
        .map_or_else(|| stamp.to_owned(), |d| d.format("%d/%m/%Y").to_string())
}

fn value_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "(vide)".to_owned(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Store {
    /// Everything held on `person`, as of `today`.
    pub fn person_data(&self, person: &PersonRef, today: NaiveDate) -> Result<PersonData> {
        let who = identify(self.conn(), person)?;
        let needles = needles_of(&who)?;
        let found = scan(self.conn(), person, &needles)?;
        let holder = self.operator()?.map_or_else(|| "le DLA".to_owned(), |o| o.name);
        let mut t = String::new();
        // Writing into a String cannot fail.
        let _ = writeln!(t, "Données personnelles {} détenues par {holder} dans Jalons", of_person(&who.name));
        let _ = writeln!(t, "Établi le {} (droit d'accès, article 15 du RGPD)", today.format("%d/%m/%Y"));
        let _ = writeln!(t, "\n1. La personne");
        let _ = writeln!(t, "Nom\u{a0}: {}", who.name);
        if let Some(e) = &who.email {
            let _ = writeln!(t, "Courriel\u{a0}: {e}");
        }
        if let Some(p) = &who.phone {
            let _ = writeln!(t, "Téléphone\u{a0}: {p}");
        }
        let _ = writeln!(t, "Fiche\u{a0}: {}", who.record.as_deref().unwrap_or("aucune (nom cité dans les textes)"));
        match &who.lawful_basis {
            Some((basis, Some(since))) => {
                let _ = writeln!(t, "Base légale\u{a0}: {}, depuis le {}", basis.label(), since.format("%d/%m/%Y"));
            }
            Some((basis, None)) => {
                let _ = writeln!(t, "Base légale\u{a0}: {}", basis.label());
            }
            None => {
                // Named without a record: the basis of each kind of place they are named in.
                for b in super::bases::load(self.conn())? {
                    if found.hits.iter().any(|h| h.place.table == b.kind.table()) {
                        let since =
                            b.since.map(|d| format!(", depuis le {}", d.format("%d/%m/%Y"))).unwrap_or_default();
                        let _ = writeln!(
                            t,
                            "Base légale ({})\u{a0}: {}{since}",
                            b.kind.label().to_lowercase(),
                            b.lawful_basis.label()
                        );
                    }
                }
            }
        }
        let _ = writeln!(t, "\n2. Les textes qui la citent ({})", count(found.hits.len(), "texte", "textes"));
        for h in &found.hits {
            let (one, _) = table_label(&h.place.table);
            let _ = writeln!(
                t,
                "\n— {}, {}\u{a0}:\n{}",
                capitalised(one),
                column_label(&h.place.column),
                readable(&h.text)
            );
        }
        if !found.met.is_empty() {
            let _ = writeln!(t, "\nRencontrée comme contact de la structure\u{a0}:");
            for m in &found.met {
                let _ = writeln!(
                    t,
                    "— entretien du diagnostic du {}, accompagnement {}",
                    m.on.format("%d/%m/%Y"),
                    m.case_reference
                );
            }
        }
        let _ = writeln!(t, "\n3. L'historique des modifications ({})", count(found.audit.len(), "ligne", "lignes"));
        for a in &found.audit {
            let _ = writeln!(
                t,
                "\n— {} le {}, par {} ({})\u{a0}:",
                entity_label(&a.entity),
                day(&a.at),
                a.actor,
                action_label(&a.action)
            );
            let changes: Vec<crate::store::audit::FieldChange> = serde_json::from_str(&a.changes).unwrap_or_default();
            for c in changes.iter().filter(|c| found.names_them(&c.from) || found.names_them(&c.to)) {
                let _ = writeln!(t, "  {}\u{a0}: {} → {}", c.field, value_text(&c.from), value_text(&c.to));
            }
        }
        let _ = writeln!(t, "\n4. Les pièces jointes à son nom ({})", count(found.files.len(), "fichier", "fichiers"));
        for f in &found.files {
            let _ = writeln!(t, "— {} ({} octets, ajoutée le {})", f.name, f.size, day(&f.created_at));
        }
        let others: Vec<String> = found
            .people
            .iter()
            .filter(|p| *p != person)
            .map(|p| identify(self.conn(), p).map(|o| o.record.unwrap_or(o.name)))
            .collect::<Result<_>>()?;
        if !others.is_empty() {
            let _ = writeln!(t, "\nAutres fiches au même nom, à vérifier avant d'envoyer ce document\u{a0}:");
            for o in others {
                let _ = writeln!(t, "— {o}");
            }
        }
        Ok(PersonData { name: who.name, text: t, mentions: found.hits.len() + found.audit.len() + found.files.len() })
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}
