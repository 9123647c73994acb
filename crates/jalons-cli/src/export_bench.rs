//! Times the documents for funders on the bench database: one case summary PDF (cold, then
//! warm) and a year's report over its 5,000 cases (indicators alone, then XLSX and ODS).

use std::time::Instant;

use jalons_core::Store;
use jalons_core::dossier::DossierParts;
use jalons_core::indicators::{ReportFilter, ReportFormat};

use crate::bench::{ms, time};

pub fn run(store: &Store, cases: &[String], runs: usize) -> anyhow::Result<()> {
    let today = store.today();
    let dossier = store.case_dossier(&cases[0])?;
    let t = Instant::now();
    let first = jalons_export::summary_pdf(&dossier, DossierParts::default(), today)?;
    let cold = t.elapsed();
    println!();
    println!("| document | taille | p50 (ms) | p95 (ms) |");
    println!("|---|---:|---:|---:|");
    println!(
        "| fiche de synthèse PDF, premier appel (polices, bibliothèque) | {} Ko | {} | — |",
        first.len() / 1024,
        ms(cold)
    );
    let (p50, p95, pdf) = time(runs, || {
        let dossier = store.case_dossier(&cases[0])?;
        jalons_export::summary_pdf(&dossier, DossierParts::default(), today)
    });
    println!(
        "| fiche de synthèse PDF, à chaud, un accompagnement différent à chaque fois | {} Ko | {} | {} |",
        pdf?.len() / 1024,
        ms(p50),
        ms(p95)
    );

    let year = ReportFilter { from: "01/01/2025".into(), to: "31/12/2025".into(), funder_id: String::new() };
    let few = runs.clamp(1, 5);
    let (p50, p95, report) = time(few, || store.period_report(&year));
    let report = report?;
    println!("| indicateurs de l'année ({} accompagnements) | — | {} | {} |", report.totals.cases, ms(p50), ms(p95));
    for (label, format) in [("XLSX", ReportFormat::Xlsx), ("ODS", ReportFormat::Ods)] {
        let (p50, p95, bytes) = time(few, || {
            let report = store.period_report(&year)?;
            jalons_export::report_file(&report, format)
        });
        println!(
            "| bilan de l'année en {label} (indicateurs + classeur) | {} Ko | {} | {} |",
            bytes?.len() / 1024,
            ms(p50),
            ms(p95)
        );
    }
    Ok(())
}
