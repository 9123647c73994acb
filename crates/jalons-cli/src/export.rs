//! Documents for funders, headless: the same exports as the app's, for batches and tests.

use std::path::Path;

use anyhow::Context;
use jalons_core::Store;
use jalons_core::dossier::DossierParts;

/// Writes one case's summary PDF.
pub fn summary(store: &Store, case: &str, parts: DossierParts, out: &Path) -> anyhow::Result<()> {
    let case = store.find_case(case)?;
    let dossier = store.case_dossier(&case.id)?;
    let pdf = jalons_export::summary_pdf(&dossier, parts, chrono::Local::now().date_naive())?;
    std::fs::write(out, pdf).with_context(|| format!("écriture de {}", out.display()))?;
    println!("Fiche de synthèse de l'accompagnement {} écrite dans {}", case.reference, out.display());
    Ok(())
}
