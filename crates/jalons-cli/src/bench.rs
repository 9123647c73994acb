//! `jalons-cli bench`: builds a realistic database at scale in a temporary file, times the
//! queries a chargé de mission runs all day, and prints a table. Numbers, not assertions.

use std::time::{Duration, Instant};

use anyhow::Context;
use jalons_core::Store;
use jalons_core::cases::{CaseFilter, CaseInput, Stage};
use jalons_core::diagnostic::{DiagnosticDomain, DiagnosticInput, InterviewInput, ScoreInput};
use jalons_core::paging::PageRequest;
use jalons_core::reference::territory;
use jalons_core::structures::{LegalForm, StructureFilter, StructureSort};
use jalons_core::workflow::TransitionInput;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank]
}

pub(crate) fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        last = Some(f());
        times.push(t.elapsed());
    }
    times.sort();
    (percentile(&times, 50.0), percentile(&times, 95.0), last.expect("at least one run"))
}

pub(crate) fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

/// A complete diagnostic, validated or not: what the attention flags look at.
fn diagnostic(validated: bool) -> DiagnosticInput {
    DiagnosticInput {
        interviews: vec![InterviewInput {
            date: "2025-01-20".into(),
            people: "Présidente".into(),
            ..Default::default()
        }],
        scores: DiagnosticDomain::ALL
            .iter()
            .map(|d| ScoreInput { domain: d.code().into(), score: "2".into(), finding: String::new(), priority: false })
            .collect(),
        problem_statement: "Modèle économique fragile.".into(),
        validated_on: if validated { "2025-02-03".into() } else { String::new() },
        ..Default::default()
    }
}

/// One case for every fourth structure: a third at intake, a third with a diagnostic
/// awaiting validation, a third in the parcours with a follow-up now late.
fn open_cases(store: &mut Store, ids: &[String]) -> jalons_core::Result<Vec<String>> {
    let mut cases = Vec::new();
    for (i, structure_id) in ids.iter().enumerate().step_by(4) {
        let id = store
            .open_case(&CaseInput {
                structure_id: structure_id.clone(),
                request_date: "2025-01-06".into(),
                channel: "phone".into(),
                requester: "Présidente".into(),
                referral_source: "network".into(),
                request_text: "Consolider un emploi.".into(),
            })?
            .id;
        let to = |stage: Stage, date: &str| TransitionInput {
            case_id: id.clone(),
            to: stage.code().into(),
            date: date.into(),
            ..Default::default()
        };
        if i % 3 != 0 {
            store.move_case(&to(Stage::Diagnostic, "2025-01-13"))?;
            store.save_diagnostic(&id, &diagnostic(i % 3 == 2))?;
        }
        if i % 3 == 2 {
            store.move_case(&to(Stage::Plan, "2025-02-03"))?;
        }
        cases.push(id);
    }
    Ok(cases)
}

/// The passphrase of the bench's database, so that the safety bench times its derivation.
pub(crate) const BENCH_PHRASE: &str = "banc d'essai lavande tracteur 1987";

pub fn run(structures: usize, journal: usize, runs: usize) -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("jalons-bench-{}", std::process::id()));
    let path = dir.join("bench.sqlite");
    let key = jalons_core::crypto::choose_phrase(&path, BENCH_PHRASE, BENCH_PHRASE, None)?;
    let mut store = Store::open(&path, &key).context("base de mesure")?;
    store.set_user_name("Banc d'essai")?;

    let t = Instant::now();
    // One transaction around the load; each create nests in it as in the app.
    let ids = crate::generate::structures(&mut store, structures)?;
    let load = t.elapsed();
    let t = Instant::now();
    let cases = store.all_or_nothing(|store| open_cases(store, &ids))?;
    let load_cases = t.elapsed();

    let query = |q: &str| StructureFilter { query: q.into(), ..Default::default() };
    let lists: Vec<(&str, StructureFilter)> = vec![
        ("liste complète, triée par nom", query("")),
        ("recherche «\u{a0}theatre\u{a0}»", query("theatre")),
        ("recherche «\u{a0}fabrique vivarais 12\u{a0}»", query("fabrique vivarais 12")),
        ("filtre département 26", StructureFilter { departement: "26".into(), ..Default::default() }),
        (
            "filtre SCIC, tri budget décroissant",
            StructureFilter {
                legal_form: Some(LegalForm::Scic),
                sort: StructureSort::Budget,
                descending: true,
                ..Default::default()
            },
        ),
    ];
    let communes = [
        ("commune «\u{a0}die\u{a0}» (35 000 communes)", "die"),
        ("commune «\u{a0}st jean\u{a0}»", "st jean"),
        ("commune code postal «\u{a0}26150\u{a0}»", "26150"),
    ];

    println!("Jalons — banc d'essai\u{a0}: {structures} structures, {runs} mesures par requête");
    println!("chargement (création validée et journalisée de chaque fiche)\u{a0}: {:.1} s", load.as_secs_f64());
    println!(
        "{} accompagnements ouverts et avancés par les mêmes commandes\u{a0}: {:.1} s",
        cases.len(),
        load_cases.as_secs_f64()
    );
    println!();
    println!("| requête | lignes | p50 (ms) | p95 (ms) |");
    println!("|---|---:|---:|---:|");
    // What the window asks for: the first screenful and a margin, and the count.
    let first = PageRequest::first(100);
    for (label, filter) in &lists {
        let (p50, p95, n) = time(runs, || store.list_structures(filter, first).map(|p| p.total));
        println!("| {label} (100 premières) | {} | {} | {} |", n?, ms(p50), ms(p95));
    }
    let middle = PageRequest { offset: u32::try_from(structures / 2).unwrap_or(0), limit: 100 };
    let (p50, p95, n) = time(runs, || store.list_structures(&query(""), middle).map(|p| p.rows.len()));
    println!("| liste complète, 100 lignes au milieu | {} | {} | {} |", n?, ms(p50), ms(p95));
    let case_lists: Vec<(&str, CaseFilter)> = vec![
        ("accompagnements en cours, points d'attention compris", CaseFilter::default()),
        ("accompagnements demandant attention", CaseFilter { attention_only: true, ..Default::default() }),
        ("accompagnements au diagnostic", CaseFilter { stage: Some(Stage::Diagnostic), ..Default::default() }),
    ];
    for (label, filter) in &case_lists {
        let (p50, p95, n) = time(runs, || store.list_cases(filter, first).map(|r| r.page.total));
        println!("| {label} | {} | {} | {} |", n?, ms(p50), ms(p95));
    }
    let (p50, p95, n) = time(runs, || store.stage_counts().map(|c| c.len()));
    println!("| nombre par étape | {} | {} | {} |", n?, ms(p50), ms(p95));
    let one = &cases[cases.len() / 2];
    let (p50, p95, n) = time(runs, || store.case_workflow(one).map(|w| w.moves.len()));
    println!("| page d'un accompagnement\u{a0}: étapes et manques | {} | {} | {} |", n?, ms(p50), ms(p95));
    for (label, text) in communes {
        let (p50, p95, n) = time(runs, || territory().search(text, 12).len());
        println!("| {label} | {n} | {} | {} |", ms(p50), ms(p95));
    }
    crate::export_bench::run(&store, &cases[2..], runs)?;
    crate::search_bench::run(&mut store, &ids, journal, runs)?;
    drop(store);
    crate::safety_bench::run(&path, runs)?;
    std::fs::remove_dir_all(&dir).ok();
    Ok(())
}
