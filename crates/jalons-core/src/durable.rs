//! Files that survive a crash: written under a temporary name beside their target, synced
//! to the disk, then renamed into place, so that a crash or a full disk leaves either the
//! previous file or the new one, never a cut-off one. Also the owner-only permissions of
//! everything that holds personal data.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// The suffix of a file being written; anything left with it was cut short.
pub const PARTIAL_SUFFIX: &str = ".partiel";

/// The temporary name of `target` while it is written.
pub fn partial_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().map(|n| n.to_owned()).unwrap_or_default();
    name.push(PARTIAL_SUFFIX);
    target.with_file_name(name)
}

/// The longest file name Jalons writes, in bytes: file systems allow 255, and the
/// temporary name adds `.partiel`.
pub const MAX_NAME_BYTES: usize = 255 - PARTIAL_SUFFIX.len();

/// A file name from words a user typed (a structure's name): the characters no file system
/// accepts replaced, and cut at a character boundary so that it fits with its extension.
pub fn file_name(stem: &str, extension: &str) -> String {
    let cleaned: String = stem
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '-'
            } else if c.is_whitespace() {
                // A title's no-break spaces would make the name hard to type.
                ' '
            } else {
                c
            }
        })
        .collect();
    let budget = MAX_NAME_BYTES - extension.len() - 1;
    let mut end = cleaned.trim().len().min(budget);
    while !cleaned.trim().is_char_boundary(end) {
        end -= 1;
    }
    format!("{}.{extension}", cleaned.trim()[..end].trim_end())
}

/// Makes a rename inside `dir` durable.
pub fn sync_dir(dir: &Path) {
    // Directories cannot be opened for syncing everywhere (Windows): durability is then
    // the file system's.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

fn finish(partial: &Path, target: &Path, what: &str) -> Result<()> {
    std::fs::rename(partial, target).map_err(|e| {
        let _ = std::fs::remove_file(partial);
        Error::io(what, &e)
    })?;
    if let Some(dir) = target.parent() {
        sync_dir(dir);
    }
    Ok(())
}

/// Writes `target` through a temporary file, owner-only, with what `fill` puts in it;
/// `what` names the file in messages (« La fiche de synthèse n'a pas pu être écrite »). A
/// failure leaves nothing behind and the old file, if any, as it was.
pub fn write_through(target: &Path, what: &str, fill: impl FnOnce(&mut File) -> std::io::Result<()>) -> Result<()> {
    let partial = partial_path(target);
    let written = (|| {
        let mut f = File::create(&partial)?;
        owner_only_file(&partial)?;
        fill(&mut f)?;
        f.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(Error::io(what, &e));
    }
    finish(&partial, target, what)
}

/// Writes `bytes` to `target` through a temporary file, owner-only (a summary or a report
/// holds confidential data).
pub fn write_file(target: &Path, bytes: &[u8], what: &str) -> Result<()> {
    write_through(target, what, |f| f.write_all(bytes))
}

/// Copies `source` to `target` through a temporary file, owner-only.
pub fn copy_file(source: &Path, target: &Path, what: &str) -> Result<()> {
    write_through(target, what, |to| std::io::copy(&mut File::open(source)?, to).map(|_| ()))
}

/// Takes read and write rights away from the group and others, and never gives any: a
/// file the user made read-only stays read-only.
#[cfg(unix)]
pub fn owner_only_file(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)?.permissions().mode();
    if mode & 0o077 != 0 {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & !0o077))?;
    }
    Ok(())
}

#[cfg(not(unix))]
pub fn owner_only_file(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Creates a folder (and its parents) readable by its owner only.
pub fn owner_only_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    owner_only_file(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_file_replaces_the_old_one_and_leaves_no_partial() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("bilan.csv");
        std::fs::write(&target, "ancien").unwrap();
        write_file(&target, b"nouveau", "Le bilan n'a pas pu être écrit").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "nouveau");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("absent").join("bilan.csv");
        let e = write_file(&target, b"x", "Le bilan n'a pas pu être écrit").unwrap_err();
        assert!(e.message.starts_with("Le bilan n'a pas pu"), "{}", e.message);
    }

    #[test]
    fn a_file_name_from_a_long_name_fits_the_file_system() {
        let long = "Compagnie théâtrale des Arts Buissonniers et de l'Éducation populaire / ".repeat(8);
        let name = file_name(&format!("Fiche de synthèse 2026-001 {long}"), "pdf");
        assert!(name.len() + PARTIAL_SUFFIX.len() <= 255, "{} bytes", name.len());
        assert!(name.ends_with(".pdf") && !name.contains('/'));
        assert_eq!(file_name("Bilan 2026\u{a0}: Drôme", "xlsx"), "Bilan 2026 - Drôme.xlsx");
    }

    #[cfg(unix)]
    #[test]
    fn a_written_document_is_readable_by_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("Fiche de synthèse 2025-001.pdf");
        write_file(&target, b"%PDF-", "La fiche de synthèse n'a pas pu être écrite").unwrap();
        assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o077, 0);
    }

    #[cfg(unix)]
    #[test]
    fn owner_only_never_makes_a_read_only_file_writable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("base.sqlite");
        std::fs::write(&f, "").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o444)).unwrap();
        owner_only_file(&f).unwrap();
        assert_eq!(std::fs::metadata(&f).unwrap().permissions().mode() & 0o777, 0o400);
    }
}
