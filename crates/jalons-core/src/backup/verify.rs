//! A full check of a database and its files, for `jalons-cli verifier`: SQLite's
//! `integrity_check` and `foreign_key_check`, then every stored file read again and
//! compared with its hash; partial copies and orphan files are swept on the way.

use crate::attachments::Swept;
use crate::attachments::files::{sealed_sha256, stored_path};
use crate::store::chain::ChainCheck;
use crate::{Result, Store};

#[derive(Debug, Clone, Default)]
pub struct Verification {
    /// SQLite's findings; empty when the database is whole.
    pub integrity: Vec<String>,
    /// Rows that point to a record that does not exist.
    pub broken_links: usize,
    pub files_checked: usize,
    /// Attached files (by name) missing from the files folder.
    pub missing: Vec<String>,
    /// Attached files (by name) whose content no longer matches their hash.
    pub altered: Vec<String>,
    pub swept: Swept,
    /// The audit trail's hash chain.
    pub audit: ChainCheck,
}

impl Verification {
    pub fn is_sound(&self) -> bool {
        self.integrity.is_empty()
            && self.broken_links == 0
            && self.missing.is_empty()
            && self.altered.is_empty()
            && self.audit.broken.is_none()
    }

    /// The report in French, one line a finding.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![if self.integrity.is_empty() {
            "Base de données\u{a0}: intègre.".to_owned()
        } else {
            format!("Base de données\u{a0}: endommagée ({}).", self.integrity.join("\u{202f}; "))
        }];
        if self.broken_links > 0 {
            out.push(format!("Liens rompus entre fiches\u{a0}: {}.", self.broken_links));
        }
        out.push(match &self.audit.broken {
            None => format!(
                "Journal des modifications\u{a0}: {}, chaîne intacte.",
                crate::french::count(self.audit.rows, "ligne", "lignes")
            ),
            Some(why) => format!("Journal des modifications\u{a0}: chaîne {why}."),
        });
        out.push(format!("Pièces jointes vérifiées\u{a0}: {}.", self.files_checked));
        for name in &self.missing {
            out.push(format!("Pièce jointe absente du dossier\u{a0}: «\u{a0}{name}\u{a0}»."));
        }
        for name in &self.altered {
            out.push(format!("Pièce jointe modifiée depuis son ajout\u{a0}: «\u{a0}{name}\u{a0}»."));
        }
        if self.swept.partials + self.swept.orphans > 0 {
            out.push(format!(
                "Nettoyé\u{a0}: {} copie(s) interrompue(s) et {} fichier(s) sans pièce jointe ({} octets).",
                self.swept.partials, self.swept.orphans, self.swept.bytes
            ));
        }
        out
    }
}

impl Store {
    pub fn verify(&self) -> Result<Verification> {
        let mut v = Verification { swept: self.sweep_files()?, ..Verification::default() };
        let findings: Vec<String> = self
            .conn()
            .prepare("PRAGMA integrity_check(20)")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        v.integrity = findings.into_iter().filter(|f| f != "ok").collect();
        v.audit = self.check_audit_chain()?;
        v.broken_links = self
            .conn()
            .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| r.get::<_, i64>(0))?
            .try_into()
            .unwrap_or(usize::MAX);
        let files: Vec<(String, String)> = self
            .conn()
            .prepare("SELECT sha256, MIN(name) FROM attachments GROUP BY sha256")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let (Some(dir), Ok(key)) = (self.files_dir.as_deref(), self.key()) else {
            return Ok(v);
        };
        for (hash, name) in files {
            v.files_checked += 1;
            match stored_path(dir, key, &hash) {
                Ok(path) if !path.is_file() => v.missing.push(name),
                Ok(path) => match sealed_sha256(key, &path) {
                    Ok(actual) if actual == hash => {}
                    _ => v.altered.push(name),
                },
                Err(_) => v.missing.push(name),
            }
        }
        Ok(v)
    }
}
