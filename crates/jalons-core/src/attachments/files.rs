//! The files themselves: reading and hashing what the user picked, and the folder where
//! Jalons keeps its copies (`<hash[..2]>/<hash>`), readable by its owner only.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::{Error, Result};

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
        .map_err(|_| Error::validation("file", format!("Le fichier « {name} » est introuvable.")))?;
    if !meta.is_file() {
        return Err(Error::validation("file", format!("« {name} » n'est pas un fichier.")));
    }
    if meta.len() > MAX_SIZE {
        return Err(Error::validation(
            "file",
            format!(
                "Le fichier « {name} » fait {} Mo : Jalons accepte jusqu'à {} Mo.",
                meta.len().div_ceil(1024 * 1024),
                MAX_SIZE / (1024 * 1024)
            ),
        ));
    }
    let unreadable =
        |e: std::io::Error| Error::validation("file", format!("Le fichier « {name} » ne peut pas être lu : {e}."));
    let mut file = File::open(path).map_err(unreadable)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 1 << 16];
    loop {
        let n = file.read(&mut buffer).map_err(unreadable)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    let sha256 = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok(Picked { name, size: meta.len(), sha256 })
}

/// Where the copy of a file with this hash lives.
pub(crate) fn stored_path(dir: &Path, sha256: &str) -> PathBuf {
    dir.join(&sha256[..2]).join(sha256)
}

#[cfg(unix)]
fn owner_only(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| Error::internal(format!("Impossible de protéger {} : {e}", path.display())))
}

#[cfg(not(unix))]
fn owner_only(_path: &Path, _mode: u32) -> Result<()> {
    Ok(())
}

/// Copies the file into the folder unless a copy with the same hash is there already;
/// through a temporary name, so that a copy cut short never passes for a stored file.
pub(crate) fn store(dir: &Path, source: &Path, picked: &Picked) -> Result<()> {
    let target = stored_path(dir, &picked.sha256);
    if target.exists() {
        return Ok(());
    }
    let parent = target.parent().unwrap_or(dir);
    std::fs::create_dir_all(parent)
        .map_err(|e| Error::internal(format!("Impossible de créer le dossier {} : {e}", parent.display())))?;
    owner_only(dir, 0o700)?;
    owner_only(parent, 0o700)?;
    let partial = parent.join(format!("{}.partiel", picked.sha256));
    std::fs::copy(source, &partial).map_err(|e| {
        Error::validation("file", format!("Le fichier « {} » n'a pas pu être copié : {e}.", picked.name))
    })?;
    owner_only(&partial, 0o600)?;
    std::fs::rename(&partial, &target)
        .map_err(|e| Error::internal(format!("Impossible de ranger {} : {e}", target.display())))?;
    Ok(())
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
