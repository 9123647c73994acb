//! Backups, restore and verification without a window.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use jalons_core::backup::{self, BackupReason};
use jalons_core::store::DbLock;
use jalons_core::{ErrorCode, Store};

use crate::unlock;

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

pub fn backup(db: &Path, to: Option<PathBuf>) -> anyhow::Result<()> {
    let folder = to.unwrap_or_else(|| backup::default_folder(db));
    let key = unlock::key_for(db)?;
    let info = backup::take(db, &key, &folder, BackupReason::Manual, now())?;
    let holds = info.holds.map(|h| format!("{} structures, {} accompagnements, ", h.structures, h.cases));
    println!(
        "Sauvegarde écrite\u{a0}: {} ({}{} Ko)",
        folder.join(&info.file_name).display(),
        holds.unwrap_or_default(),
        info.size / 1024
    );
    Ok(())
}

pub fn restore(db: &Path, from: &Path) -> anyhow::Result<()> {
    let folder = from.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let key = unlock::key_for(db)?;
    match Store::open(db, &key) {
        Ok(mut store) => {
            let restored = store.restore(from, folder, now())?;
            if let Some(safety) = restored.safety {
                println!("État précédent sauvegardé dans {}", folder.join(safety.file_name).display());
            }
        }
        Err(e) if matches!(e.code, ErrorCode::Damaged | ErrorCode::NotJalons) => {
            let _lock = DbLock::acquire(db)?;
            let restored = backup::recover(db, &key, from, folder, now())?;
            if let Some(aside) = restored.set_aside {
                println!("Base endommagée gardée sous {aside}");
            }
        }
        Err(e) => return Err(e.into()),
    }
    println!("{} restaurée depuis {}", db.display(), from.display());
    Ok(())
}

/// Prints the report; false when something is wrong.
pub fn verify(db: &Path) -> anyhow::Result<bool> {
    if !db.is_file() {
        bail!("La base {} n'existe pas.", db.display());
    }
    let store = match Store::open(db, &unlock::key_for(db)?) {
        Ok(s) => s,
        Err(e) => {
            println!("{}", e.message);
            return Ok(false);
        }
    };
    let report = store.verify().with_context(|| format!("Impossible de vérifier {}", db.display()))?;
    for line in report.lines() {
        println!("{line}");
    }
    Ok(report.is_sound())
}
