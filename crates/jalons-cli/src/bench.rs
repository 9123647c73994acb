//! `jalons-cli bench`: builds a realistic database at scale in a temporary file, times the
//! queries a chargé de mission runs all day, and prints a table. Numbers, not assertions.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;
use jalons_core::Store;
use jalons_core::paging::PageRequest;
use jalons_core::reference::territory;
use serde_json::{Value, json};

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

/// The passphrase of the bench's database, so that the safety bench times its derivation.
pub(crate) const BENCH_PHRASE: &str = "banc d'essai lavande tracteur 1987";

/// One call the window makes, written as its IPC command and arguments: the core side
/// times it on the store, the app side (`tests/e2e/bench.mjs`) replays the same JSON
/// through the window, so that their ratio compares like with like.
pub(crate) struct Call {
    pub label: String,
    pub command: &'static str,
    pub args: Value,
}

impl Call {
    pub fn new(label: impl Into<String>, command: &'static str, args: Value) -> Self {
        Call { label: label.into(), command, args }
    }

    fn arg<T: serde::de::DeserializeOwned>(&self, name: &str) -> anyhow::Result<T> {
        Ok(serde_json::from_value(self.args[name].clone())?)
    }

    /// What the Tauri command does with these arguments; the rows it found.
    fn run(&self, store: &Store) -> anyhow::Result<u64> {
        let found = match self.command {
            "list_structures" => store.list_structures(&self.arg("filter")?, self.arg("page")?)?.total,
            "list_cases" => store.list_cases(&self.arg("filter")?, self.arg("page")?)?.total,
            "cases_needing_attention" => store.cases_needing_attention(&self.arg("filter")?)?,
            "list_engagements" => store.list_engagements(&self.arg("filter")?, self.arg("page")?)?.total,
            "list_referrals" => store.list_referrals(&self.arg("filter")?, self.arg("page")?)?.total,
            "referral_partners" => u32::try_from(store.referral_partners(&self.arg("filter")?)?.len())?,
            "period_totals" => u32::try_from(store.period_totals(&self.arg("filter")?)?.totals.cases)?,
            "observatory" => u32::try_from(store.observatory(&self.arg("filter")?)?.totals.cases)?,
            "stage_counts" => u32::try_from(store.stage_counts()?.len())?,
            "agenda" => {
                let agenda = store.agenda_page(store.today(), self.arg("shown")?)?;
                agenda.late.total + agenda.now.total + agenda.soon.total
            }
            "get_reference" => {
                serde_json::to_vec(&jalons_core::reference::reference_data())?;
                1
            }
            "search" => {
                let query: String = self.arg("query")?;
                let found = store.search(&query, SEARCH_PER_GROUP)?;
                u32::try_from(found.groups.iter().map(|g| g.hits.len()).sum::<usize>())?
            }
            other => anyhow::bail!("commande inconnue du banc d'essai\u{a0}: {other}"),
        };
        Ok(u64::from(found))
    }
}

/// The search command's results per group (src-tauri/commands/search.rs).
const SEARCH_PER_GROUP: usize = 6;

/// The calls timed, with their figures, for the app side.
#[derive(Default)]
pub(crate) struct Timings(Vec<Value>);

impl Timings {
    /// Times the call, prints its row of the table and keeps it.
    pub fn time(&mut self, store: &Store, call: Call, runs: usize) -> anyhow::Result<()> {
        let (p50, p95, rows) = time(runs, || call.run(store));
        let rows = rows?;
        println!("| {} | {rows} | {} | {} |", call.label, ms(p50), ms(p95));
        self.0.push(json!({
            "label": call.label,
            "command": call.command,
            "args": call.args,
            "rows": rows,
            "p50_ms": p50.as_secs_f64() * 1000.0,
            "p95_ms": p95.as_secs_f64() * 1000.0,
        }));
        Ok(())
    }
}

/// The page the window asks for first: a screenful and a margin.
fn first() -> Value {
    json!({ "offset": 0, "limit": 100 })
}

fn structure_calls(structures: usize) -> Vec<Call> {
    let list = |label: &str, filter: Value| {
        Call::new(format!("{label} (100 premières)"), "list_structures", json!({ "filter": filter, "page": first() }))
    };
    vec![
        list("liste complète, triée par nom", json!({})),
        list("recherche «\u{a0}theatre\u{a0}»", json!({ "query": "theatre" })),
        list("recherche «\u{a0}fabrique vivarais 12\u{a0}»", json!({ "query": "fabrique vivarais 12" })),
        list("filtre département 26", json!({ "departement": "26" })),
        list(
            "filtre SCIC, tri budget décroissant",
            json!({ "legal_form": "scic", "sort": "budget", "descending": true }),
        ),
        Call::new(
            "liste complète, 100 lignes au milieu",
            "list_structures",
            json!({ "filter": {}, "page": { "offset": structures / 2, "limit": 100 } }),
        ),
    ]
}

/// What the window asks for as it starts, beside the first list.
fn start_calls() -> Vec<Call> {
    vec![
        Call::new("données de référence (au démarrage)", "get_reference", json!({})),
        Call::new("nombre par étape (au démarrage)", "stage_counts", json!({})),
        Call::new(
            "«\u{a0}Aujourd'hui\u{a0}», ses 50 premiers de chaque section",
            "agenda",
            json!({ "shown": { "late": 50, "now": 50, "soon": 50 } }),
        ),
    ]
}

fn case_and_engagement_calls() -> Vec<Call> {
    let cases =
        |label: &str, filter: Value| Call::new(label, "list_cases", json!({ "filter": filter, "page": first() }));
    let engagements =
        |label: &str, filter: Value| Call::new(label, "list_engagements", json!({ "filter": filter, "page": first() }));
    vec![
        cases("accompagnements en cours", json!({})),
        Call::new(
            "accompagnements en cours\u{a0}: combien à traiter (après les lignes)",
            "cases_needing_attention",
            json!({ "filter": {} }),
        ),
        cases("accompagnements demandant attention", json!({ "attention_only": true })),
        cases("accompagnements au diagnostic", json!({ "stage": "diagnostic" })),
        cases("accompagnements terminés, par structure", json!({ "scope": "finished", "sort": "structure" })),
        cases("tous les accompagnements, recherche «\u{a0}sillon\u{a0}»", json!({ "scope": "all", "query": "sillon" })),
        engagements("ingénieries en cours", json!({})),
        engagements("ingénieries, terminées comprises", json!({ "include_finished": true })),
        engagements(
            "ingénieries, recherche «\u{a0}cabinet port\u{a0}», terminées comprises",
            json!({ "include_finished": true, "query": "cabinet port" }),
        ),
    ]
}

/// The Orientations screen with « Toutes » years: its first batch and its counts by partner.
fn referral_calls() -> Vec<Call> {
    vec![
        Call::new(
            "orientations, toutes années (50 premières)",
            "list_referrals",
            json!({ "filter": {}, "page": { "offset": 0, "limit": 50 } }),
        ),
        Call::new("orientations, toutes années, par partenaire", "referral_partners", json!({ "filter": {} })),
    ]
}

/// The Bilans screen as it opens: this year's totals, for every funder; the Observatoire as
/// it opens, then with a département chosen (each filter change is one such call).
fn report_calls(store: &Store) -> Vec<Call> {
    use chrono::Datelike;
    let year = store.today().year();
    let (from, to) = (format!("01/01/{year}"), format!("31/12/{year}"));
    vec![
        Call::new(
            format!("bilan de l'année {year} (écran Bilans)"),
            "period_totals",
            json!({ "filter": { "from": from, "to": to } }),
        ),
        Call::new(
            format!("observatoire de l'année {year}"),
            "observatory",
            json!({ "filter": { "from": from, "to": to } }),
        ),
        Call::new(
            format!("observatoire de l'année {year}, Drôme"),
            "observatory",
            json!({ "filter": { "from": from, "to": to, "territory": "departement:26" } }),
        ),
    ]
}

/// Times the window's calls again on a database kept by `--garder`, after a change to the
/// core, without generating it again (an hour at the default scale); opening it applies
/// the migrations it lacks. The figures replace the kept ones, for the app side.
pub fn again(dir: &Path, runs: usize) -> anyhow::Result<()> {
    let path = dir.join(KEPT_DB);
    anyhow::ensure!(path.exists(), "{} n'existe pas\u{a0}: lancez d'abord le banc avec --garder.", path.display());
    let key = jalons_core::crypto::key_from_phrase(&path, BENCH_PHRASE)?;
    let t = Instant::now();
    let store = Store::open(&path, &key).context("base de mesure")?;
    println!("ouverture (migrations comprises)\u{a0}: {:.1} s", t.elapsed().as_secs_f64());
    crate::size_bench::run(&store)?;
    println!();
    println!("| requête | lignes | p50 (ms) | p95 (ms) |");
    println!("|---|---:|---:|---:|");
    let structures = store.list_structures(&Default::default(), PageRequest { offset: 0, limit: 1 })?.total;
    let mut timings = Timings::default();
    let calls = start_calls()
        .into_iter()
        .chain(structure_calls(usize::try_from(structures)?))
        .chain(case_and_engagement_calls())
        .chain(referral_calls())
        .chain(report_calls(&store))
        .chain(crate::search_bench::window_calls());
    for call in calls {
        timings.time(&store, call, runs)?;
    }
    drop(store);
    keep_timings(dir, timings)
}

fn keep_timings(dir: &Path, timings: Timings) -> anyhow::Result<()> {
    let size = std::fs::metadata(dir.join(KEPT_DB))?.len();
    let kept = json!({ "database_bytes": size, "phrase": BENCH_PHRASE, "calls": timings.0 });
    std::fs::write(dir.join(KEPT_TIMINGS), serde_json::to_vec_pretty(&kept)?)?;
    Ok(())
}

/// Where `--garder` leaves the database, the demo database (same passphrase) and the
/// core's figures for the app side.
pub const KEPT_DB: &str = "banc.sqlite";
pub const KEPT_DEMO: &str = "demo.sqlite";
pub const KEPT_TIMINGS: &str = "mesures-coeur.json";

/// The demo database beside the generated one, for the app side's figures on the demo.
fn demo(dir: &Path) -> anyhow::Result<()> {
    let path = dir.join(KEPT_DEMO);
    let key = jalons_core::crypto::choose_phrase(&path, BENCH_PHRASE, BENCH_PHRASE, None)?;
    let mut store = Store::open(&path, &key).context("base de démonstration")?;
    store.set_user_name("Banc d'essai")?;
    store.load_demo()?;
    Ok(())
}

pub fn run(structures: usize, journal: usize, runs: usize, keep: Option<&Path>) -> anyhow::Result<()> {
    let dir = match keep {
        Some(dir) => dir.to_path_buf(),
        None => std::env::temp_dir().join(format!("jalons-bench-{}", std::process::id())),
    };
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(KEPT_DB);
    anyhow::ensure!(!path.exists(), "{} existe déjà\u{a0}: choisissez un dossier vide.", path.display());
    let key = jalons_core::crypto::choose_phrase(&path, BENCH_PHRASE, BENCH_PHRASE, None)?;
    let mut store = Store::open(&path, &key).context("base de mesure")?;
    store.set_user_name("Banc d'essai")?;

    let t = Instant::now();
    let ids = crate::generate::structures(&mut store, structures)?;
    let load = t.elapsed();
    let t = Instant::now();
    let history = crate::generate::history(&mut store, &ids)?;
    let load_history = t.elapsed();
    let t = Instant::now();
    let cases = crate::generate::open_cases(&mut store, &ids, &history.consultants)?;
    let load_cases = t.elapsed();

    let communes = [
        ("commune «\u{a0}die\u{a0}» (35 000 communes)", "die"),
        ("commune «\u{a0}st jean\u{a0}»", "st jean"),
        ("commune code postal «\u{a0}26150\u{a0}»", "26150"),
    ];

    println!("Jalons — banc d'essai\u{a0}: {structures} structures, {runs} mesures par requête");
    println!("chargement (création validée et journalisée de chaque fiche)\u{a0}: {:.1} s", load.as_secs_f64());
    println!(
        "{} accompagnements terminés, {} ingénieries et {} orientations des années passées, par les mêmes commandes\u{a0}: {:.1} s",
        history.cases,
        history.engagements,
        history.referrals,
        load_history.as_secs_f64()
    );
    println!(
        "{} accompagnements ouverts et avancés par les mêmes commandes\u{a0}: {:.1} s",
        cases.len(),
        load_cases.as_secs_f64()
    );
    println!();
    println!("| requête | lignes | p50 (ms) | p95 (ms) |");
    println!("|---|---:|---:|---:|");
    let mut timings = Timings::default();
    let calls = start_calls()
        .into_iter()
        .chain(structure_calls(structures))
        .chain(case_and_engagement_calls())
        .chain(referral_calls())
        .chain(report_calls(&store));
    for call in calls {
        timings.time(&store, call, runs)?;
    }
    let one = &cases[cases.len() / 2];
    let (p50, p95, n) = time(runs, || store.case_workflow(one).map(|w| w.moves.len()));
    println!("| page d'un accompagnement\u{a0}: étapes et manques | {} | {} | {} |", n?, ms(p50), ms(p95));
    for (label, text) in communes {
        let (p50, p95, n) = time(runs, || territory().search(text, 12).len());
        println!("| {label} | {n} | {} | {} |", ms(p50), ms(p95));
    }
    crate::export_bench::run(&store, &cases[2..], runs)?;
    crate::search_bench::run(&mut store, &ids, journal, runs, &mut timings)?;
    crate::size_bench::run(&store)?;
    drop(store);
    crate::safety_bench::run(&path, runs)?;
    let size = std::fs::metadata(&path)?.len();
    println!();
    println!("Taille de la base à cette échelle\u{a0}: {:.0} Mio (objectif ≤\u{a0}450 Mo)", size as f64 / 1_048_576.0);
    match keep {
        Some(dir) => {
            demo(dir)?;
            keep_timings(dir, timings)?;
        }
        None => std::fs::remove_dir_all(&dir)?,
    }
    Ok(())
}
