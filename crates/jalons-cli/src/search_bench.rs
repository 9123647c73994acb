//! The search part of `jalons-cli bench`: journal entries loaded in bulk beside the
//! structures, then the global search (FTS5) timed against a plain LIKE scan of the same
//! rows, in the same run.

use std::time::Instant;

use jalons_core::Store;
use rusqlite::params;

use crate::bench::{Call, Timings, ms, time};

const KINDS: &[&str] = &["meeting", "call", "site_visit", "email", "collective_meeting", "note"];
const OPENINGS: &[&str] = &[
    "Rendez-vous avec la présidente",
    "Appel du trésorier",
    "Visite du lieu de répétition",
    "Réunion du conseil d'administration",
    "Échange avec l'équipe salariée",
    "Point avec le consultant",
];
const TOPICS: &[&str] = &[
    "sur la trésorerie de l'été",
    "sur le budget prévisionnel",
    "sur le poste d'administratrice",
    "sur la convention avec la commune",
    "sur la tournée en Bretagne",
    "sur le projet de lieu partagé",
    "sur la fonction employeur et le DUERP",
    "sur la gouvernance et le bénévolat",
];
const PLACES: &[&str] = &["Théâtre du Sillon", "Maison des associations", "Mairie", "Locaux de la structure", "Visio"];
const PEOPLE: &[&str] = &["Awa Diallo", "Léo Petit", "Lucie Roche", "Jean Morel", "Karim Benali", "Nadia Martin"];

/// Inserts `count` entries in one write, straight into the table (the index follows
/// through its triggers, as for any write); a bench's load, not audited.
fn load_journal(store: &mut Store, structure_ids: &[String], count: usize) -> anyhow::Result<()> {
    store.write(|w| {
        let mut insert = w.tx.prepare(
            "INSERT INTO journal_entries (id, structure_id, kind, occurred_on, duration, people, place, body, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        )?;
        for i in 0..count {
            let people = serde_json::to_string(&[PEOPLE[i % PEOPLE.len()], PEOPLE[(i / 7) % PEOPLE.len()]])?;
            let body = format!(
                "{} {}. Entrée n° {i}\u{a0}: la structure prépare {} et reviendra vers nous {}.",
                OPENINGS[i % OPENINGS.len()],
                TOPICS[(i / 3) % TOPICS.len()],
                TOPICS[(i / 11) % TOPICS.len()].trim_start_matches("sur "),
                if i % 2 == 0 { "la semaine prochaine" } else { "après l'assemblée générale" }
            );
            insert.execute(params![
                uuid::Uuid::now_v7().to_string(),
                structure_ids[i % structure_ids.len()],
                KINDS[i % KINDS.len()],
                format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                i64::try_from(30 + (i % 8) * 15).unwrap_or(30),
                people,
                PLACES[i % PLACES.len()],
                body,
            ])?;
        }
        Ok(())
    })?;
    Ok(())
}

/// What a search without an index does: every word, accents as typed, in every row.
fn like_scan(store: &Store, words: &[&str], limit: i64) -> anyhow::Result<usize> {
    let clause = |column: &str| vec![format!("{column} LIKE '%' || ? || '%'"); words.len()].join(" AND ");
    let mut found = 0;
    for (table, column) in [("structures", "name"), ("journal_entries", "body")] {
        let sql = format!("SELECT id FROM {table} WHERE {} LIMIT {limit}", clause(column));
        let read = store.read()?;
        let mut stmt = read.prepare_cached(&sql)?;
        found += stmt.query_map(rusqlite::params_from_iter(words), |r| r.get::<_, String>(0))?.count();
    }
    Ok(found)
}

pub fn run(
    store: &mut Store,
    structure_ids: &[String],
    entries: usize,
    runs: usize,
    timings: &mut Timings,
) -> anyhow::Result<()> {
    let t = Instant::now();
    load_journal(store, structure_ids, entries)?;
    println!();
    println!(
        "recherche globale\u{a0}: {entries} entrées de journal ajoutées et indexées en {:.1} s",
        t.elapsed().as_secs_f64()
    );
    println!();
    println!("| recherche | résultats | FTS5 p50 (ms) | FTS5 p95 (ms) | LIKE p50 (ms) | LIKE p95 (ms) |");
    println!("|---|---:|---:|---:|---:|---:|");
    let queries: &[(&str, &[&str])] = &[
        ("theatre sill", &["Théâtre", "Sillon"]),
        ("tresorerie", &["trésorerie"]),
        ("budget conv", &["budget", "convention"]),
        ("lucie roche", &["Lucie", "Roche"]),
        ("ro", &["ro"]),
        ("fabrique vivarais 12", &["Fabrique", "Vivarais", "12"]),
        ("introuvable", &["introuvable"]),
    ];
    for (typed, like_words) in queries {
        let (p50, p95, hits) =
            time(runs, || store.search(typed, 6).map(|r| r.groups.iter().map(|g| g.hits.len()).sum::<usize>()));
        let (l50, l95, _) = time(runs, || like_scan(store, like_words, 6));
        println!("| «\u{a0}{typed}\u{a0}» | {} | {} | {} | {} | {} |", hits?, ms(p50), ms(p95), ms(l50), ms(l95));
    }
    println!();
    println!("| recherche globale telle que la fenêtre la demande | résultats | p50 (ms) | p95 (ms) |");
    println!("|---|---:|---:|---:|");
    for call in window_calls() {
        timings.time(store, call, runs)?;
    }
    Ok(())
}

/// The global searches as the window asks for them.
pub(crate) fn window_calls() -> Vec<Call> {
    ["theatre sill", "tresorerie", "ro"]
        .into_iter()
        .map(|typed| {
            let label = format!("recherche globale «\u{a0}{typed}\u{a0}»");
            Call::new(label, "search", serde_json::json!({ "query": typed }))
        })
        .collect()
}
