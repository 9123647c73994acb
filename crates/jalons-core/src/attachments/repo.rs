//! Attaching, listing, opening and removing files.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

use super::files::{self, Swept, mime, stored_path};
use super::{Attachment, AttachmentOwner};
use crate::crypto::sealed;
use crate::ids::{new_id, parse_id};
use crate::{Error, Result, Store, durable};

const ENTITY: &str = "attachment";

const SELECT: &str = "SELECT id, name, mime, size, confidential, sha256, created_at FROM attachments";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get(0)?,
        name: r.get(1)?,
        mime: r.get(2)?,
        size: r.get(3)?,
        confidential: r.get(4)?,
        sha256: r.get(5)?,
        created_at: r.get(6)?,
    })
}

fn load(conn: &Connection, id: &str) -> Result<Attachment> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("Cette pièce jointe n'existe pas ou plus."))
}

/// Removes an attachment row; returns the hash when no attachment uses its file any more.
fn unlink(w: &crate::store::WriteCtx<'_>, id: &str) -> Result<Option<String>> {
    let before = load(&w.tx, id)?;
    w.tx.execute("DELETE FROM attachments WHERE id = ?1", [id])?;
    w.audit(ENTITY, id, "delete", Some(&serde_json::to_value(&before)?), None)?;
    let still_used: bool =
        w.tx.query_row("SELECT EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?1)", [&before.sha256], |r| r.get(0))?;
    if still_used {
        return Ok(None);
    }
    w.tx.execute("DELETE FROM stored_files WHERE sha256 = ?1", [&before.sha256])?;
    Ok(Some(before.sha256))
}

/// The attachments of a journal entry about to be deleted; returns the hashes whose files
/// nothing uses any more, for the caller to remove once its transaction is committed.
pub(crate) fn remove_for_journal(w: &crate::store::WriteCtx<'_>, journal_id: &str) -> Result<Vec<String>> {
    let ids: Vec<String> =
        w.tx.prepare("SELECT id FROM attachments WHERE journal_id = ?1")?
            .query_map([journal_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
    let mut orphans = Vec::new();
    for id in ids {
        orphans.extend(unlink(w, &id)?);
    }
    Ok(orphans)
}

impl Store {
    fn files_dir(&self) -> Result<&std::path::Path> {
        self.files_dir
            .as_deref()
            .ok_or_else(|| Error::conflict(None, "Les pièces jointes demandent une base enregistrée sur le disque."))
    }

    /// Deletes stored copies nothing refers to any more; a file left behind by a failure
    /// only takes room, so failures here are not reported.
    pub(crate) fn forget_files(&self, hashes: &[String]) {
        if let (Ok(dir), Ok(key)) = (self.files_dir(), self.key()) {
            for path in hashes.iter().filter_map(|h| stored_path(dir, key, h).ok()) {
                let _ = std::fs::remove_file(path);
            }
        }
    }

    /// Copies the file the user picked into Jalons and attaches it; the same file attached
    /// twice is stored once.
    pub fn attach_file(
        &mut self,
        owner: &AttachmentOwner,
        source: &std::path::Path,
        confidential: bool,
    ) -> Result<Attachment> {
        let owner_id = parse_id("owner", &owner.id)?;
        let picked = files::pick(source)?;
        let dir = self.files_dir()?.to_owned();
        files::store(&dir, self.key()?, source, &picked)?;
        self.write(|w| {
            let exists: bool = w.tx.query_row(
                &format!("SELECT EXISTS (SELECT 1 FROM {} WHERE id = ?1)", owner.kind.table()),
                [&owner_id],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(Error::not_found("L'élément auquel joindre le fichier n'existe pas ou plus."));
            }
            let now = &w.now;
            let size = i64::try_from(picked.size).unwrap_or(i64::MAX);
            w.tx.execute(
                "INSERT INTO stored_files (sha256, size, stored_at) VALUES (?1, ?2, ?3) ON CONFLICT (sha256) DO NOTHING",
                params![picked.sha256, size, now],
            )?;
            let id = new_id();
            w.tx.execute(
                &format!(
                    "INSERT INTO attachments (id, sha256, name, mime, size, confidential, {}, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    owner.kind.column()
                ),
                params![id, picked.sha256, picked.name, mime(&picked.name), size, confidential, owner_id, now],
            )?;
            let after = load(&w.tx, &id)?;
            w.audit(ENTITY, &id, "create", None, Some(&serde_json::to_value(&after)?))?;
            Ok(after)
        })
    }

    /// Newest first.
    pub fn list_attachments(&self, owner: &AttachmentOwner) -> Result<Vec<Attachment>> {
        let owner_id = parse_id("owner", &owner.id)?;
        let mut stmt = self
            .conn()
            .prepare(&format!("{SELECT} WHERE {} = ?1 ORDER BY created_at DESC, id DESC", owner.kind.column()))?;
        let rows = stmt.query_map([owner_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A readable copy of an attachment, to open it with another application: written,
    /// owner-only, into `folder` (the app's private temporary folder, emptied at each start
    /// and quit) under the attachment's name made safe for a file name.
    pub fn attachment_copy(&self, id: &str, folder: &Path) -> Result<PathBuf> {
        let id = parse_id("id", id)?;
        let a = load(self.conn(), &id)?;
        let key = self.key()?;
        let stored = stored_path(self.files_dir()?, key, &a.sha256)?;
        if !stored.is_file() {
            return Err(Error::not_found(format!(
                "Le fichier «\u{a0}{}\u{a0}» n'est plus dans le dossier de Jalons\u{a0}: joignez-le à nouveau.",
                a.name
            )));
        }
        // The name comes from the database, hence from anyone: only a short alphanumeric
        // extension is kept as one.
        let (stem, extension) = match a.name.rsplit_once('.') {
            Some((stem, ext))
                if !stem.is_empty() && ext.len() <= 16 && ext.bytes().all(|b| b.is_ascii_alphanumeric()) =>
            {
                (stem, ext)
            }
            _ => (a.name.as_str(), "bin"),
        };
        // One subfolder per attachment, so that two files of the same name never collide.
        let dir = folder.join(&id);
        durable::owner_only_dir(&dir).map_err(|e| Error::io("Le dossier temporaire n'a pas pu être créé", &e))?;
        let target = dir.join(durable::file_name(stem, extension));
        durable::write_through(
            &target,
            &format!("Le fichier «\u{a0}{}\u{a0}» n'a pas pu être déchiffré", a.name),
            |to| sealed::open(key, &mut std::fs::File::open(&stored)?, to),
        )?;
        Ok(target)
    }

    /// Removes what crashes and failed transactions left in the files folder: partial
    /// copies, and stored files no row refers to (a copy made just before its transaction
    /// failed, a file whose removal was cut short).
    pub fn sweep_files(&self) -> Result<Swept> {
        let Some(dir) = self.files_dir.as_deref() else {
            return Ok(Swept::default());
        };
        let known: HashSet<String> = self
            .conn()
            .prepare("SELECT sha256 FROM stored_files")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(files::sweep(dir, self.key()?, &known))
    }

    /// Removes an attachment, and its file once nothing else uses it.
    pub fn remove_attachment(&mut self, id: &str) -> Result<()> {
        let id = parse_id("id", id)?;
        let orphan = self.write(|w| unlink(w, &id))?;
        self.forget_files(&orphan.into_iter().collect::<Vec<_>>());
        Ok(())
    }
}
