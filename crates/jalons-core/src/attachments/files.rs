//! The files themselves: reading and hashing what the user picked, and the folder where
//! Jalons keeps its copies (`<hash[..2]>/<hash>`), readable by its owner only.

use std::collections::HashSet;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::{Error, ErrorCode, Result, durable};

/// The largest file Jalons accepts: 100 Mo.
pub const MAX_SIZE: u64 = 100 * 1024 * 1024;

fn display_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// A file the user picked, checked and hashed.
pub(crate) struct Picked {
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

pub(crate) fn pick(path: &Path) -> Result<Picked> {
    let name = display_name(path);
    let meta = std::fs::metadata(path)
        .map_err(|_| Error::validation("file", format!("Le fichier «\u{a0}{name}\u{a0}» est introuvable.")))?;
    if !meta.is_file() {
        return Err(Error::validation("file", format!("«\u{a0}{name}\u{a0}» n'est pas un fichier.")));
    }
    if meta.len() > MAX_SIZE {
        return Err(Error::validation(
            "file",
            format!(
                "Le fichier «\u{a0}{name}\u{a0}» fait {} Mo\u{a0}: Jalons accepte jusqu'à {} Mo.",
                meta.len().div_ceil(1024 * 1024),
                MAX_SIZE / (1024 * 1024)
            ),
        ));
    }
    let sha256 = sha256_of(path).map_err(|e| {
        Error::validation("file", format!("Le fichier «\u{a0}{name}\u{a0}» ne peut pas être lu\u{a0}: {e}."))
    })?;
    Ok(Picked { name, size: meta.len(), sha256 })
}

/// The SHA-256 of a file's content, in lowercase hex: its name in the files folder.
pub(crate) fn sha256_of(path: &Path) -> std::io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 1 << 16];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// A stored file's name: its SHA-256 in 64 lowercase hex digits. A hash read from the
/// database becomes a path only through this check, so that a crafted database (`../…`,
/// an absolute path, one character) can neither open nor delete anything outside the
/// folder.
pub(crate) fn is_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Where the copy of a file with this hash lives.
pub(crate) fn stored_path(dir: &Path, sha256: &str) -> Result<PathBuf> {
    if !is_hash(sha256) {
        return Err(Error::new(
            ErrorCode::Damaged,
            "Cette pièce jointe est mal enregistrée dans la base (son empreinte n'est pas valable)\u{a0}: \
             Jalons ne l'ouvre pas et ne touche à aucun fichier.",
        ));
    }
    Ok(dir.join(&sha256[..2]).join(sha256))
}

/// Copies the file into the folder unless a copy with the same hash is there already;
/// through a temporary name, synced before it is renamed, so that a copy cut short never
/// passes for a stored file and a failed one leaves nothing behind.
pub(crate) fn store(dir: &Path, source: &Path, picked: &Picked) -> Result<()> {
    let target = stored_path(dir, &picked.sha256)?;
    if target.exists() {
        return Ok(());
    }
    let parent = target.parent().unwrap_or(dir);
    let folder = |e: std::io::Error| Error::io("Le dossier des pièces jointes n'a pas pu être créé", &e);
    durable::owner_only_dir(dir).map_err(folder)?;
    durable::owner_only_dir(parent).map_err(folder)?;
    durable::copy_file(source, &target, &format!("Le fichier «\u{a0}{}\u{a0}» n'a pas pu être copié", picked.name))
}

/// What a sweep of the files folder removed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Swept {
    /// Copies cut short by a crash or a full disk.
    pub partials: usize,
    /// Stored files that no attachment refers to any more.
    pub orphans: usize,
    pub bytes: u64,
}

/// Removes partial copies and the stored files whose hash is not in `known`. Only names
/// Jalons writes are touched: anything else in the folder is left alone.
pub(crate) fn sweep(dir: &Path, known: &HashSet<String>) -> Swept {
    let mut swept = Swept::default();
    let Ok(shards) = std::fs::read_dir(dir) else {
        return swept;
    };
    for shard in shards.flatten() {
        let shard_name = shard.file_name().to_string_lossy().into_owned();
        let is_shard = shard_name.len() == 2 && shard_name.bytes().all(|b| b.is_ascii_hexdigit());
        if !is_shard || !shard.path().is_dir() {
            continue;
        }
        let Ok(files) = std::fs::read_dir(shard.path()) else { continue };
        for file in files.flatten() {
            let name = file.file_name().to_string_lossy().into_owned();
            let partial = name.strip_suffix(durable::PARTIAL_SUFFIX).is_some_and(is_hash);
            let orphan = is_hash(&name) && name.starts_with(&shard_name) && !known.contains(&name);
            if !(partial || orphan) {
                continue;
            }
            let size = file.metadata().map(|m| m.len()).unwrap_or(0);
            if std::fs::remove_file(file.path()).is_ok() {
                swept.bytes += size;
                if partial {
                    swept.partials += 1;
                } else {
                    swept.orphans += 1;
                }
            }
        }
    }
    swept
}

/// The MIME type the system needs to pick an application, from the extension.
pub(crate) fn mime(name: &str) -> &'static str {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "txt" => "text/plain",
        "csv" => "text/csv",
        _ => "application/octet-stream",
    }
}
