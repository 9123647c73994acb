//! Times what keeps the work safe on the bench's full database: the checks of a start
//! (`quick_check`, foreign keys, the files folder swept), a backup with the backup API,
//! a full `verifier`, a restore; then a person's erasure, what retention makes due and a
//! structure deleted for real.

use std::path::Path;
use std::time::Instant;

use jalons_core::Store;
use jalons_core::backup::{self, BackupReason};
use jalons_core::crypto;
use jalons_core::journal::JournalInput;
use jalons_core::privacy::PersonRef;
use jalons_core::structures::{ContactInput, StructureInput};

use crate::bench::ms;

pub fn run(db: &Path, runs: usize) -> anyhow::Result<()> {
    let size = std::fs::metadata(db)?.len();
    let folder = db.with_file_name("sauvegardes");
    let at = |k: usize| {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
            .and_then(|d| d.and_hms_opt(9, 0, u32::try_from(k % 60).unwrap_or(0)))
            .unwrap_or_default()
    };
    println!();
    println!("Sûreté des données\u{a0}: base de {:.0} Mio", size as f64 / 1_048_576.0);
    println!("| opération | taille | p50 (ms) | p95 (ms) |");
    println!("|---|---:|---:|---:|");
    let (p50, p95, derived) =
        crate::bench::time(runs.min(5), || crypto::key_from_phrase(db, crate::bench::BENCH_PHRASE));
    let key = derived?;
    println!(
        "| clé tirée de la phrase secrète (Argon2id, 64 Mio, 3 passes), quand elle n'est pas retenue | — | {} | {} |",
        ms(p50),
        ms(p95)
    );
    let (p50, p95, opened) = crate::bench::time(runs.min(5), || Store::open_then_check(db, &key).map(drop));
    opened?;
    println!(
        "| ouverture chiffrée par l'application\u{a0}: verrou, clé, nature du fichier, pièces jointes | — | {} | {} |",
        ms(p50),
        ms(p95)
    );
    let (p50, p95, checked) = crate::bench::time(runs.min(5), || Store::check_integrity(db, &key));
    checked?;
    println!("| contrôle rapide d'intégrité et des liens, à côté du premier écran | — | {} | {} |", ms(p50), ms(p95));
    let mut k = 0;
    let (p50, p95, taken) = crate::bench::time(runs.min(5), || {
        k += 1;
        backup::take(db, &key, &folder, BackupReason::Manual, at(k))
    });
    let taken = taken?;
    let backup_size = format!("{:.0} Mio", taken.size as f64 / 1_048_576.0);
    println!(
        "| sauvegarde (API de sauvegarde, fichier à part, rotation) | {backup_size} | {} | {} |",
        ms(p50),
        ms(p95)
    );
    let store = Store::open(db, &key)?;
    let t = Instant::now();
    let report = store.verify()?;
    println!("| vérification complète (integrity_check) | — | {} | — |", ms(t.elapsed()));
    anyhow::ensure!(report.is_sound(), "la base du banc d'essai n'est pas saine\u{a0}: {:?}", report.lines());
    drop(store);
    let mut store = Store::open(db, &key)?;
    let t = Instant::now();
    store.restore(&folder.join(&taken.file_name), &folder, at(59))?;
    println!("| restauration (sauvegarde de sécurité comprise) | — | {} | — |", ms(t.elapsed()));
    rights(&mut store, runs)
}

/// The rights of a person and retention on the full database: each erasure reads every
/// text Jalons holds, so its plan costs what a full pass costs.
fn rights(store: &mut Store, runs: usize) -> anyhow::Result<()> {
    let structure = store.create_structure(&StructureInput {
        name: "Compagnie du Banc".into(),
        legal_form: "association".into(),
        commune_code: "26113".into(),
        contacts: vec![ContactInput {
            name: "Zélie Brantôme-Quaix".into(),
            role: "president".into(),
            email: "zelie.bq@exemple-asso.fr".into(),
            lawful_basis: "legitimate_interest".into(),
            ..Default::default()
        }],
        ..Default::default()
    })?;
    store.create_journal_entry(&JournalInput {
        structure_id: structure.id.clone(),
        kind: "call".into(),
        occurred_on: "2026-11-30".into(),
        people: vec!["Zélie Brantôme-Quaix".into()],
        body: "Appel de Zélie Brantôme-Quaix.".into(),
        ..Default::default()
    })?;
    let person = PersonRef::Contact { id: structure.contacts[0].id.clone() };
    let (p50, p95, plan) = crate::bench::time(runs.min(5), || store.erasure_plan(&person));
    let found = plan?.found.join(", ");
    println!("| plan d'effacement d'une personne (toute la base lue) | {found} | {} | {} |", ms(p50), ms(p95));
    let t = Instant::now();
    store.erase_person(&person)?;
    println!("| effacement d'une personne, WAL vidé | — | {} | — |", ms(t.elapsed()));
    let first = jalons_core::paging::PageRequest::first(100);
    let (p50, p95, due) = crate::bench::time(runs.min(5), || store.purge_due_page(first).map(|p| p.total));
    println!(
        "| éléments à purger selon les durées de conservation (100 premiers) | {} | {} | {} |",
        due?,
        ms(p50),
        ms(p95)
    );
    let t = Instant::now();
    store.delete_structure(&structure.id)?;
    println!("| suppression définitive d'une structure | — | {} | — |", ms(t.elapsed()));
    Ok(())
}
