//! Lists of communes the DLA loads from the files INSEE and the ANCT publish, which no
//! package ships: the communal density grid (a commune is rural at levels 5 to 7 of the
//! 7-level grid) and the communes classed France Ruralités Revitalisation. Each is kept in
//! the database with its vintage and replaced whole by the next load.
//!
//! The file comes from outside: it is read within bounds (size, rows, unpacked size of a
//! workbook), its columns found by their headers, each line checked; a file that does not
//! hold the list is refused with a French message and changes nothing.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;

use chrono::Datelike;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::structures::Frr;
use crate::values::{CommuneCode, fold};
use crate::{Error, Result, Store};

/// The largest file read: INSEE's grid is about 2 Mo as a workbook, 1 Mo as CSV.
const MAX_FILE_BYTES: u64 = 30 * 1024 * 1024;
/// The most a workbook may hold once unpacked.
const MAX_UNPACKED_BYTES: u64 = 300 * 1024 * 1024;
/// France has about 35,000 communes.
const MAX_ROWS: usize = 100_000;
/// Headers are looked for in the first lines: INSEE's workbooks start with a title.
const HEADER_SEARCH: usize = 20;
const FIELD: &str = "file";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CommuneListKind {
    /// INSEE's communal density grid, 7 levels.
    Density,
    /// The ANCT's communes classed FRR or FRR+.
    Frr,
}

impl CommuneListKind {
    fn code(self) -> &'static str {
        match self {
            CommuneListKind::Density => "density",
            CommuneListKind::Frr => "frr",
        }
    }

    fn name(self) -> &'static str {
        match self {
            CommuneListKind::Density => "la grille communale de densité",
            CommuneListKind::Frr => "la liste des communes FRR",
        }
    }
}

/// A list as loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CommuneList {
    pub kind: CommuneListKind,
    pub vintage: i32,
    pub file_name: String,
    pub loaded_at: String,
    pub communes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CommuneLists {
    pub density: Option<CommuneList>,
    pub frr: Option<CommuneList>,
}

/// What a load kept, and how many lines of the file it left aside (blank, not a commune,
/// a value it does not know, a commune already read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LoadedList {
    pub list: CommuneList,
    pub ignored: usize,
}

/// The class the loaded FRR list gives a commune.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FrrOfCommune {
    /// `none` when the list is loaded and does not hold the commune.
    pub frr: Frr,
    pub vintage: i32,
}

/// The year of a list, as typed: from 2015 to next year; left blank, none (it is then read
/// from the file's name).
pub fn check_vintage(store: &Store, raw: &str) -> Result<Option<i32>> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    let year = store.today().year();
    raw.trim()
        .parse()
        .ok()
        .filter(|v| (2015..=year + 1).contains(v))
        .map(Some)
        .ok_or_else(|| Error::validation("vintage", format!("Indiquez l'année du fichier, de 2015 à {}.", year + 1)))
}

/// The year a file's name gives, as INSEE and the ANCT name theirs (`…_2025.xlsx`): the
/// last run of four digits that is a year from 2015 to next year.
fn vintage_in_name(store: &Store, name: &str) -> Option<i32> {
    let year = store.today().year();
    let digits: Vec<&str> = name.split(|c: char| !c.is_ascii_digit()).filter(|d| d.len() == 4).collect();
    digits.iter().rev().filter_map(|d| d.parse().ok()).find(|v| (2015..=year + 1).contains(v))
}

fn refused(message: String) -> Error {
    Error::validation(FIELD, message)
}

/// The cells of a workbook's first sheet, or of a CSV (`;`, `,` or tab; UTF-8, else
/// Windows-1252), as text.
fn read_table(shown: &str, bytes: &[u8]) -> Result<Vec<Vec<String>>> {
    if bytes.starts_with(b"PK\x03\x04") {
        return read_workbook(shown, bytes);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.trim_start_matches('\u{feff}').to_owned(),
        Err(_) => bytes.iter().map(|b| char::from(*b)).collect(),
    };
    if text.contains('\0') {
        return Err(refused(format!(
            "«\u{a0}{shown}\u{a0}» n'est ni un classeur XLSX ni un fichier CSV\u{a0}: choisissez le fichier téléchargé tel quel."
        )));
    }
    let first = text.lines().next().unwrap_or_default();
    let delimiter =
        [b';', b'\t', b','].into_iter().max_by_key(|d| first.matches(char::from(*d)).count()).unwrap_or(b';');
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records().take(MAX_ROWS + HEADER_SEARCH + 1) {
        let record =
            record.map_err(|e| refused(format!("«\u{a0}{shown}\u{a0}» ne se lit pas comme un CSV\u{a0}: {e}.")))?;
        rows.push(record.iter().map(|c| c.trim().to_owned()).collect());
    }
    Ok(rows)
}

fn read_workbook(shown: &str, bytes: &[u8]) -> Result<Vec<Vec<String>>> {
    let not_a_workbook = || {
        refused(format!(
            "«\u{a0}{shown}\u{a0}» n'est pas un classeur XLSX lisible\u{a0}: ouvrez-le dans un tableur et enregistrez-le en XLSX ou en CSV."
        ))
    };
    let unpacked: u64 = {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
        (0..archive.len()).filter_map(|i| archive.by_index_raw(i).ok().map(|f| f.size())).sum()
    };
    if unpacked > MAX_UNPACKED_BYTES {
        return Err(refused(format!(
            "«\u{a0}{shown}\u{a0}» se décompresse en plus de 300 Mo\u{a0}: ce n'est pas une liste de communes."
        )));
    }
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    let sheet = book.sheet_names().first().cloned().ok_or_else(not_a_workbook)?;
    let range = book.worksheet_range(&sheet).map_err(|_| not_a_workbook())?;
    Ok(range
        .rows()
        .take(MAX_ROWS + HEADER_SEARCH + 1)
        .map(|row| row.iter().map(|cell| cell.to_string().trim().to_owned()).collect())
        .collect())
}

/// Headers folded: « Code géographique » → `code geographique`.
fn header(cell: &str) -> String {
    fold(cell)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '+' { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_code_header(h: &str) -> bool {
    matches!(
        h,
        "codgeo"
            | "code geo"
            | "code geographique"
            | "code commune"
            | "code de la commune"
            | "code insee"
            | "code insee commune"
            | "insee com"
            | "insee"
            | "com"
            | "depcom"
            | "codecommune"
            | "code"
    )
}

fn is_value_header(kind: CommuneListKind, h: &str) -> bool {
    match kind {
        CommuneListKind::Density => h.contains("dens") && !h.starts_with("lib"),
        CommuneListKind::Frr => {
            (h.contains("frr") || h.contains("classement") || h.contains("zonage")) && !h.starts_with("lib")
        }
    }
}

/// An INSEE code as a workbook or a CSV may give it: `1001` or `1001.0` for `01001`.
fn commune_code(raw: &str) -> Option<String> {
    let raw = raw.strip_suffix(".0").unwrap_or(raw);
    let padded = if !raw.is_empty() && raw.len() < 5 && raw.bytes().all(|b| b.is_ascii_digit()) {
        format!("{raw:0>5}")
    } else {
        raw.to_owned()
    };
    CommuneCode::parse(FIELD, &padded).ok().map(|c| c.as_str().to_owned())
}

/// A level of the 7-level grid.
fn density_level(raw: &str) -> Option<i64> {
    let level: i64 = raw.strip_suffix(".0").unwrap_or(raw).trim().parse().ok()?;
    (1..=7).contains(&level).then_some(level)
}

/// The class a line of the FRR list gives; none for a commune not classed.
fn frr_class(raw: &str) -> Option<Option<Frr>> {
    let v = header(raw);
    if v.contains('+') || v.contains("plus") {
        Some(Some(Frr::FrrPlus))
    } else if matches!(v.as_str(), "frr" | "oui" | "1" | "x" | "classee" | "frr socle") {
        Some(Some(Frr::Frr))
    } else if matches!(v.as_str(), "" | "non" | "0" | "non classee" | "hors frr") {
        Some(None)
    } else {
        None
    }
}

/// Each commune's value, read from the columns found by their headers.
fn read_list(kind: CommuneListKind, shown: &str, rows: &[Vec<String>]) -> Result<(BTreeMap<String, String>, usize)> {
    let found = rows.iter().take(HEADER_SEARCH).enumerate().find_map(|(i, row)| {
        let headers: Vec<String> = row.iter().map(|c| header(c)).collect();
        let code = headers.iter().position(|h| is_code_header(h))?;
        let value = headers.iter().position(|h| is_value_header(kind, h))?;
        Some((i, code, value))
    });
    let Some((at, code_column, value_column)) = found else {
        let expected = match kind {
            CommuneListKind::Density => {
                "«\u{a0}CODGEO\u{a0}» (le code commune) et «\u{a0}DENS\u{a0}» (le niveau de densité)"
            }
            CommuneListKind::Frr => "le code commune («\u{a0}CODGEO\u{a0}») et le classement («\u{a0}FRR\u{a0}»)",
        };
        return Err(refused(format!(
            "«\u{a0}{shown}\u{a0}» ne ressemble pas à {}\u{a0}: aucune ligne de titres n'y nomme {expected}.",
            kind.name()
        )));
    };
    if rows.len() > at + 1 + MAX_ROWS {
        return Err(refused(format!(
            "«\u{a0}{shown}\u{a0}» compte plus de 100\u{a0}000 lignes\u{a0}: ce n'est pas une liste de communes."
        )));
    }
    let mut values = BTreeMap::new();
    let mut ignored = 0;
    for row in &rows[at + 1..] {
        let cell = |i: usize| row.get(i).map_or("", String::as_str);
        let value = commune_code(cell(code_column)).and_then(|code| {
            let value = match kind {
                CommuneListKind::Density => density_level(cell(value_column)).map(|l| l.to_string()),
                CommuneListKind::Frr => {
                    frr_class(cell(value_column)).map(|c| c.map_or_else(String::new, |f| f.code().to_owned()))
                }
            }?;
            Some((code, value))
        });
        match value {
            Some((code, value)) if !values.contains_key(&code) => {
                values.insert(code, value);
            }
            _ => ignored += 1,
        }
    }
    Ok((values, ignored))
}

impl Store {
    pub fn commune_lists(&self) -> Result<CommuneLists> {
        let list = |kind: CommuneListKind| -> Result<Option<CommuneList>> {
            Ok(self
                .conn()
                .query_row(
                    "SELECT vintage, file_name, loaded_at, communes FROM commune_lists WHERE kind = ?1",
                    [kind.code()],
                    |r| {
                        Ok(CommuneList {
                            kind,
                            vintage: r.get(0)?,
                            file_name: r.get(1)?,
                            loaded_at: r.get(2)?,
                            communes: r.get(3)?,
                        })
                    },
                )
                .optional()?)
        };
        Ok(CommuneLists { density: list(CommuneListKind::Density)?, frr: list(CommuneListKind::Frr)? })
    }

    /// Reads the list from the file the user picked, within bounds, then keeps it.
    pub fn load_commune_list(&mut self, kind: CommuneListKind, vintage: &str, path: &Path) -> Result<LoadedList> {
        let shown = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| refused(format!("Impossible de lire «\u{a0}{shown}\u{a0}»\u{a0}: {e}.")))?;
        self.load_commune_list_bytes(kind, vintage, &shown, &bytes)
    }

    pub fn load_commune_list_bytes(
        &mut self,
        kind: CommuneListKind,
        vintage: &str,
        shown: &str,
        bytes: &[u8],
    ) -> Result<LoadedList> {
        let vintage = match check_vintage(self, vintage)? {
            Some(vintage) => vintage,
            None => vintage_in_name(self, shown).ok_or_else(|| {
                Error::validation(
                    "vintage",
                    format!("Indiquez l'année du fichier\u{a0}: son nom («\u{a0}{shown}\u{a0}») n'en donne pas."),
                )
            })?,
        };
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(refused(format!(
                "«\u{a0}{shown}\u{a0}» pèse plus de 30 Mo\u{a0}: ce n'est pas une liste de communes."
            )));
        }
        let rows = read_table(shown, bytes)?;
        let (values, ignored) = read_list(kind, shown, &rows)?;
        let kept = values.values().filter(|v| !v.is_empty()).count();
        if kind == CommuneListKind::Density {
            if values.len() < 100 || !values.values().any(|v| v.as_str() >= "5") {
                return Err(refused(format!(
                    "«\u{a0}{shown}\u{a0}» ne donne pas la grille à 7 niveaux de la France ({kept} communes lues)\u{a0}: choisissez le fichier de la grille communale de densité à 7 niveaux de l'INSEE."
                )));
            }
        } else if kept == 0 {
            return Err(refused(format!("«\u{a0}{shown}\u{a0}» ne classe aucune commune en FRR ou FRR+.")));
        }
        let file_name: String = shown.chars().take(255).collect();
        let pick = |lists: CommuneLists| match kind {
            CommuneListKind::Density => lists.density,
            CommuneListKind::Frr => lists.frr,
        };
        let before = pick(self.commune_lists()?);
        self.write(|w| {
            let (table, column) = match kind {
                CommuneListKind::Density => ("commune_density", "level"),
                CommuneListKind::Frr => ("commune_frr", "frr"),
            };
            w.tx.execute(&format!("DELETE FROM {table}"), [])?;
            let mut insert = w.tx.prepare(&format!("INSERT INTO {table} (code, {column}) VALUES (?1, ?2)"))?;
            for (code, value) in values.iter().filter(|(_, v)| !v.is_empty()) {
                match kind {
                    CommuneListKind::Density => insert.execute(params![code, value.parse::<i64>().unwrap_or(0)])?,
                    CommuneListKind::Frr => insert.execute(params![code, value])?,
                };
            }
            w.tx.execute(
                "INSERT INTO commune_lists (kind, vintage, file_name, loaded_at, communes) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (kind) DO UPDATE SET vintage = excluded.vintage, file_name = excluded.file_name,
                     loaded_at = excluded.loaded_at, communes = excluded.communes",
                params![kind.code(), vintage, file_name, w.now, i64::try_from(kept).unwrap_or(i64::MAX)],
            )?;
            crate::store::audit::record(
                w,
                &w.actor,
                "commune_lists",
                kind.code(),
                if before.is_some() { "update" } else { "create" },
                before.as_ref().map(|b| serde_json::json!({ "vintage": b.vintage, "file_name": b.file_name, "communes": b.communes })).as_ref(),
                Some(&serde_json::json!({ "vintage": vintage, "file_name": file_name, "communes": kept })),
            )
        })?;
        let list =
            pick(self.commune_lists()?).ok_or_else(|| Error::internal("La liste chargée n'a pas été retrouvée."))?;
        Ok(LoadedList { list, ignored })
    }

    /// What the loaded FRR list says of a commune; none without a list.
    pub fn commune_frr(&self, code: &str) -> Result<Option<FrrOfCommune>> {
        let code = CommuneCode::parse("commune_code", code)?;
        let Some(list) = self.commune_lists()?.frr else { return Ok(None) };
        let frr: Option<Frr> = self
            .conn()
            .query_row("SELECT frr FROM commune_frr WHERE code = ?1", [code.as_str()], |r| r.get(0))
            .optional()?;
        Ok(Some(FrrOfCommune { frr: frr.unwrap_or(Frr::None), vintage: list.vintage }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_levels_and_classes_are_read_as_the_files_write_them() {
        assert_eq!(commune_code("1001").as_deref(), Some("01001"));
        assert_eq!(commune_code("26113.0").as_deref(), Some("26113"));
        assert_eq!(commune_code("2a004").as_deref(), Some("2A004"));
        assert_eq!(commune_code("Drôme"), None);
        assert_eq!(density_level("7"), Some(7));
        assert_eq!(density_level("5.0"), Some(5));
        assert_eq!(density_level("8"), None);
        assert_eq!(frr_class("FRR+"), Some(Some(Frr::FrrPlus)));
        assert_eq!(frr_class("FRR"), Some(Some(Frr::Frr)));
        assert_eq!(frr_class("Non classée"), Some(None));
        assert_eq!(frr_class("peut-être"), None);
        assert_eq!(header("Code géographique"), "code geographique");
        assert!(is_value_header(CommuneListKind::Density, &header("Degré de densité (7 niveaux)")));
        assert!(!is_value_header(CommuneListKind::Density, &header("LIBDENS")));
    }
}
