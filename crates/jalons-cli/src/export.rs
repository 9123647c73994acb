//! Documents for funders, headless: the same exports as the app's, for batches and tests.

use std::path::Path;

use anyhow::Context;
use jalons_core::Store;
use jalons_core::dossier::DossierParts;
use jalons_core::indicators::{ReportFilter, ReportFormat};

/// Writes one case's summary PDF.
pub fn summary(store: &Store, case: &str, parts: DossierParts, out: &Path) -> anyhow::Result<()> {
    let case = store.find_case(case)?;
    let dossier = store.case_dossier(&case.id)?;
    let pdf = jalons_export::summary_pdf(&dossier, parts, store.today())?;
    jalons_core::durable::write_file(out, &pdf, &format!("La fiche n'a pas pu être écrite dans {}", out.display()))?;
    println!("Fiche de synthèse de l'accompagnement {} écrite dans {}", case.reference, out.display());
    Ok(())
}

/// Writes a period report; `funder` names a line by its id, its name or its label.
pub fn report(
    store: &Store,
    from: &str,
    to: &str,
    funder: Option<&str>,
    format: ReportFormat,
    out: &Path,
) -> anyhow::Result<()> {
    let funder_id = match funder {
        None => String::new(),
        Some(wanted) => store
            .list_funders()?
            .into_iter()
            .find(|f| f.id == wanted || f.name == wanted || f.label() == wanted)
            .map(|f| f.id)
            .with_context(|| format!("aucune ligne de financement «\u{a0}{wanted}\u{a0}»"))?,
    };
    let report = store.report_for(&ReportFilter { from: from.into(), to: to.into(), funder_id }, format)?;
    let bytes = jalons_export::report_file(&report, format)?;
    jalons_core::durable::write_file(out, &bytes, &format!("Le bilan n'a pas pu être écrit dans {}", out.display()))?;
    println!("{} accompagnements, écrits dans {}", report.totals.cases, out.display());
    Ok(())
}
