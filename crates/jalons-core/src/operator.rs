//! The operator's identity (the DLA or CRESS that accompanies): its name, territory,
//! address, signatory and logo, printed on every document sent to funders.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::values::{long_text, required_text, short_text};
use crate::{Error, Result, Store};

const ENTITY: &str = "operator";

/// Logos are small pictures; anything larger is most likely the wrong file.
const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Operator {
    /// « DLA de la Drôme ».
    pub name: String,
    /// The territory it covers: « Drôme (26) », « Région Auvergne-Rhône-Alpes ».
    pub area: Option<String>,
    pub address: Option<String>,
    /// Who signs the summaries: name and role.
    pub signatory: Option<String>,
    /// `image/png`, `image/jpeg` or `image/svg+xml` when a logo is set.
    pub logo_type: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct OperatorInput {
    pub name: String,
    pub area: String,
    pub address: String,
    pub signatory: String,
}

/// The logo's bytes and media type, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Logo {
    pub media_type: String,
    pub bytes: Vec<u8>,
}

fn load(conn: &Connection) -> Result<Option<Operator>> {
    Ok(conn
        .query_row("SELECT name, area, address, signatory, logo_type, updated_at FROM operator WHERE id = 1", [], |r| {
            Ok(Operator {
                name: r.get(0)?,
                area: r.get(1)?,
                address: r.get(2)?,
                signatory: r.get(3)?,
                logo_type: r.get(4)?,
                updated_at: r.get(5)?,
            })
        })
        .optional()?)
}

fn load_some(conn: &Connection, _: &str) -> Result<Option<Operator>> {
    load(conn)
}

/// The picture's kind, read from its first bytes rather than trusted from its name.
fn media_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"\xff\xd8\xff") {
        Some("image/jpeg")
    } else {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_lowercase();
        head.contains("<svg").then_some("image/svg+xml")
    }
}

impl Store {
    /// The operator's identity; none until it is first saved.
    pub fn operator(&self) -> Result<Option<Operator>> {
        load(self.conn())
    }

    pub fn save_operator(&mut self, input: &OperatorInput) -> Result<Operator> {
        let name = required_text("name", "Le nom de l'opérateur (votre DLA ou CRESS)", &input.name, 160)?;
        let area = short_text("area", "Le territoire", &input.area, 200)?;
        let address = long_text("address", "L'adresse", &input.address)?;
        let signatory = short_text("signatory", "Le signataire", &input.signatory, 200)?;
        self.write(|w| {
            w.audited(ENTITY, "1", "update", load_some, |_| {
                w.tx.execute(
                    "INSERT INTO operator (id, name, area, address, signatory, updated_at) VALUES (1, ?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (id) DO UPDATE SET name = excluded.name, area = excluded.area,
                         address = excluded.address, signatory = excluded.signatory, updated_at = excluded.updated_at",
                    params![name, area, address, signatory, w.now],
                )?;
                Ok(())
            })
        })?;
        self.operator()?.ok_or_else(|| Error::internal("L'identité de l'opérateur n'a pas été enregistrée."))
    }

    /// Reads the chosen picture (PNG, JPEG or SVG, 2 Mo at most) into the database.
    pub fn set_operator_logo(&mut self, path: &Path) -> Result<Operator> {
        let shown = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // Read within its bound: a file of any size is refused without being read whole.
        let mut bytes = Vec::new();
        std::fs::File::open(path).and_then(|f| f.take(MAX_LOGO_BYTES as u64 + 1).read_to_end(&mut bytes)).map_err(
            |e| Error::validation("logo", format!("Impossible de lire l'image «\u{a0}{shown}\u{a0}»\u{a0}: {e}.")),
        )?;
        self.set_operator_logo_bytes(&shown, bytes)
    }

    pub(crate) fn set_operator_logo_bytes(&mut self, shown: &str, bytes: Vec<u8>) -> Result<Operator> {
        if bytes.len() > MAX_LOGO_BYTES {
            return Err(Error::validation(
                "logo",
                format!(
                    "L'image «\u{a0}{shown}\u{a0}» pèse plus de 2 Mo\u{a0}: choisissez une version plus légère du logo."
                ),
            ));
        }
        let Some(kind) = media_type(&bytes) else {
            return Err(Error::validation(
                "logo",
                format!(
                    "«\u{a0}{shown}\u{a0}» n'est pas une image PNG, JPEG ou SVG\u{a0}: choisissez le logo dans l'un de ces formats."
                ),
            ));
        };
        if self.operator()?.is_none() {
            return Err(Error::validation(
                "logo",
                "Enregistrez d'abord le nom de l'opérateur, puis choisissez son logo.",
            ));
        }
        self.write(|w| {
            w.tx.execute(
                "UPDATE operator SET logo = ?1, logo_type = ?2, updated_at = ?3 WHERE id = 1",
                params![bytes, kind, w.now],
            )?;
            w.audit(ENTITY, "1", "update", None, Some(&serde_json::json!({ "logo": shown })))
        })?;
        self.operator()?.ok_or_else(|| Error::internal("L'identité de l'opérateur a disparu."))
    }

    pub fn clear_operator_logo(&mut self) -> Result<Option<Operator>> {
        self.write(|w| {
            w.tx.execute("UPDATE operator SET logo = NULL, logo_type = NULL WHERE id = 1", [])?;
            w.audit(ENTITY, "1", "update", Some(&serde_json::json!({ "logo": "logo" })), None)
        })?;
        self.operator()
    }

    pub fn operator_logo(&self) -> Result<Option<Logo>> {
        Ok(self
            .conn()
            .query_row("SELECT logo, logo_type FROM operator WHERE id = 1 AND logo IS NOT NULL", [], |r| {
                Ok(Logo { bytes: r.get(0)?, media_type: r.get(1)? })
            })
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_and_logo_are_kept_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(s.operator().unwrap(), None);
        let png = dir.path().join("logo.png");
        std::fs::write(&png, b"\x89PNG\r\n\x1a\nrest").unwrap();
        let e = s.set_operator_logo(&png).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("logo"));

        let e = s.save_operator(&OperatorInput { name: "  ".into(), ..Default::default() }).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("name"));
        let o = s
            .save_operator(&OperatorInput {
                name: "DLA de la Drôme".into(),
                area: "Drôme (26)".into(),
                ..Default::default()
            })
            .unwrap();
        assert_eq!((o.name.as_str(), o.area.as_deref(), o.logo_type), ("DLA de la Drôme", Some("Drôme (26)"), None));

        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "pas une image").unwrap();
        assert!(s.set_operator_logo(&text).unwrap_err().message.contains("PNG, JPEG ou SVG"));
        assert_eq!(s.set_operator_logo(&png).unwrap().logo_type.as_deref(), Some("image/png"));
        assert_eq!(s.operator_logo().unwrap().unwrap().bytes.len(), 12);
        let huge = dir.path().join("affiche.png");
        let file = std::fs::File::create(&huge).unwrap();
        file.set_len(4 << 30).unwrap();
        let e = s.set_operator_logo(&huge).unwrap_err();
        assert!(e.message.contains("plus de 2 Mo"), "a 4 Go file refused, not read whole: {}", e.message);
        assert_eq!(s.operator_logo().unwrap().unwrap().bytes.len(), 12, "the logo kept");

        let renamed = s.save_operator(&OperatorInput { name: "DLA 26".into(), ..Default::default() }).unwrap();
        assert_eq!(renamed.logo_type.as_deref(), Some("image/png"), "saving the identity keeps the logo");
        assert_eq!(s.clear_operator_logo().unwrap().unwrap().logo_type, None);
        assert_eq!(s.operator_logo().unwrap(), None);
    }
}
