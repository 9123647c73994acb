//! The summaries of many cases into one folder, one PDF each, with progress and a way to
//! stop: the window shows the progress and offers « Annuler », the command line prints it.

use std::path::Path;

use chrono::NaiveDate;
use jalons_core::dossier::{BatchProgress, CaseDossier, DossierParts};
use jalons_core::{Error, Result};

use crate::summary::{file_name, summary_pdf};

/// Writes the summary of each case into `folder`. `load` reads one case's dossier;
/// `step` hears the progress after each file and returns false to stop there (the files
/// already written stay).
pub fn write_summaries(
    ids: &[String],
    folder: &Path,
    parts: DossierParts,
    today: NaiveDate,
    mut load: impl FnMut(&str) -> Result<CaseDossier>,
    mut step: impl FnMut(&BatchProgress) -> bool,
) -> Result<BatchProgress> {
    std::fs::create_dir_all(folder)
        .map_err(|e| Error::internal(format!("Le dossier {} n'a pas pu être créé\u{a0}: {e}", folder.display())))?;
    let mut progress = BatchProgress {
        done: 0,
        total: ids.len(),
        finished: false,
        cancelled: false,
        folder: folder.display().to_string(),
    };
    for id in ids {
        let dossier = load(id)?;
        let path = folder.join(file_name(&dossier));
        let what = format!("La fiche n'a pas pu être écrite dans {}", path.display());
        jalons_core::durable::write_file(&path, &summary_pdf(&dossier, parts, today)?, &what)?;
        progress.done += 1;
        if progress.done < progress.total && !step(&progress) {
            progress.cancelled = true;
            break;
        }
    }
    progress.finished = true;
    step(&progress);
    Ok(progress)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jalons_core::Store;
    use jalons_core::indicators::ReportFilter;

    #[test]
    fn a_batch_writes_one_file_a_case_and_stops_when_asked() {
        let mut store = Store::open_in_memory().unwrap();
        store.set_user_name("Camille Martin").unwrap();
        store.load_demo().unwrap();
        let ids = store
            .period_case_ids(&ReportFilter { from: "01/01/2025".into(), to: "31/12/2025".into(), ..Default::default() })
            .unwrap();
        assert!(ids.len() >= 4);
        let dir = tempfile::tempdir().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let mut seen = Vec::new();
        let all = write_summaries(
            &ids,
            dir.path(),
            DossierParts::default(),
            today,
            |id| store.case_dossier(id),
            |p| {
                seen.push(p.done);
                true
            },
        )
        .unwrap();
        assert_eq!((all.done, all.total, all.cancelled, all.finished), (ids.len(), ids.len(), false, true));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), ids.len());
        assert_eq!(seen, (1..=ids.len()).collect::<Vec<_>>());

        let stopped = tempfile::tempdir().unwrap();
        let out = write_summaries(
            &ids,
            stopped.path(),
            DossierParts::default(),
            today,
            |id| store.case_dossier(id),
            |p| p.done < 2,
        )
        .unwrap();
        assert_eq!((out.done, out.cancelled, out.finished), (2, true, true));
        assert_eq!(std::fs::read_dir(stopped.path()).unwrap().count(), 2, "the files written stay");
    }
}
