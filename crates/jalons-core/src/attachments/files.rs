//! The files themselves: reading and hashing what the user picked, and the folder where
//! Jalons keeps its sealed copies (`<address[..2]>/<address>`, the address a keyed hash of
//! the content's SHA-256), readable by its owner only.

use std::collections::HashSet;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::crypto::{DataKey, sealed};
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

/// A content hash: 64 lowercase hex digits. A hash read from the database becomes a path
/// only through this check, so that a crafted database (`../…`, an absolute path, one
/// character) can neither open nor delete anything outside the folder.
pub(crate) fn is_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn bad_hash() -> Error {
    Error::new(
        ErrorCode::Damaged,
        "Cette pièce jointe est mal enregistrée dans la base (son empreinte n'est pas valable)\u{a0}: \
         Jalons ne l'ouvre pas et ne touche à aucun fichier.",
    )
}

/// Where the sealed copy of a file with this SHA-256 lives.
pub(crate) fn stored_path(dir: &Path, key: &DataKey, sha256: &str) -> Result<PathBuf> {
    if !is_hash(sha256) {
        return Err(bad_hash());
    }
    let address = sealed::address(key, sha256);
    Ok(dir.join(&address[..2]).join(address))
}

/// Where an earlier, unencrypted Jalons kept it: named by the hash itself.
pub(crate) fn plain_path(dir: &Path, sha256: &str) -> Result<PathBuf> {
    if !is_hash(sha256) {
        return Err(bad_hash());
    }
    Ok(dir.join(&sha256[..2]).join(sha256))
}

/// Seals the file into the folder unless a copy with the same content is there already;
/// through a temporary name, synced before it is renamed, so that a copy cut short never
/// passes for a stored file and a failed one leaves nothing behind.
pub(crate) fn store(dir: &Path, key: &DataKey, source: &Path, picked: &Picked) -> Result<()> {
    let target = stored_path(dir, key, &picked.sha256)?;
    if target.exists() {
        return Ok(());
    }
    let parent = target.parent().unwrap_or(dir);
    let folder = |e: std::io::Error| Error::io("Le dossier des pièces jointes n'a pas pu être créé", &e);
    durable::owner_only_dir(dir).map_err(folder)?;
    durable::owner_only_dir(parent).map_err(folder)?;
    durable::write_through(
        &target,
        &format!("Le fichier «\u{a0}{}\u{a0}» n'a pas pu être copié", picked.name),
        |to| sealed::seal(key, &mut File::open(source)?, to),
    )
}

/// The SHA-256 of a sealed file's content, read through the seal; an error when it does
/// not open (altered, or sealed with another key).
pub(crate) fn sealed_sha256(key: &DataKey, path: &Path) -> std::io::Result<String> {
    let mut hasher = HashingWriter(Sha256::new());
    sealed::open(key, &mut File::open(path)?, &mut hasher)?;
    Ok(hasher.0.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

struct HashingWriter(Sha256);

impl std::io::Write for HashingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Seals, in place, the plain copies an earlier Jalons kept of these files: each sealed
/// copy is written and synced before the plain one is overwritten and removed.
pub(crate) fn seal_plain_files(dir: &Path, key: &DataKey, hashes: &HashSet<String>) -> Result<()> {
    for hash in hashes {
        let plain = plain_path(dir, hash)?;
        if !plain.is_file() {
            continue;
        }
        let target = stored_path(dir, key, hash)?;
        if !target.exists() {
            if let Some(parent) = target.parent() {
                durable::owner_only_dir(parent)
                    .map_err(|e| Error::io("Le dossier des pièces jointes n'a pas pu être créé", &e))?;
            }
            durable::write_through(&target, "Une pièce jointe n'a pas pu être chiffrée", |to| {
                sealed::seal(key, &mut File::open(&plain)?, to)
            })?;
        }
        crate::crypto::convert::shred(&plain)
            .map_err(|e| Error::io("Une pièce jointe en clair n'a pas pu être effacée", &e))?;
    }
    Ok(())
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

/// Removes partial copies and the stored files whose address is not one of `known`
/// hashes'. Only names Jalons writes are touched: anything else in the folder is left alone.
pub(crate) fn sweep(dir: &Path, key: &DataKey, known: &HashSet<String>) -> Swept {
    let known: HashSet<String> = known.iter().map(|h| sealed::address(key, h)).collect();
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
