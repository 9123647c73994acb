//! A sheet as CSV for French Excel: `;` between fields, UTF-8 with a byte order mark (without
//! it Excel reads the accents wrong), decimals with a comma. A text that a spreadsheet would
//! run as a formula (a name typed « =HYPERLINK(…) », « +33… », « @… ») is written with a
//! leading apostrophe, so that opening the file runs nothing.

use jalons_core::{Error, Result};

use crate::table::{Cell, Sheet};

/// What the spreadsheet reads as the start of a formula (OWASP's list).
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

fn inert(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) if s.starts_with(FORMULA_STARTS) => format!("'{s}"),
        other => other.plain(),
    }
}

pub fn csv(sheet: &Sheet) -> Result<Vec<u8>> {
    let failed = |e: csv::Error| Error::internal(format!("Le fichier CSV n'a pas pu être écrit\u{a0}: {e}"));
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        w.write_record(sheet.columns.iter().map(|c| c.title)).map_err(failed)?;
        for row in &sheet.rows {
            w.write_record(row.iter().map(inert)).map_err(failed)?;
        }
        w.flush().map_err(|e| Error::internal(format!("Le fichier CSV n'a pas pu être écrit\u{a0}: {e}")))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::col;

    #[test]
    fn a_text_that_would_run_as_a_formula_is_written_inert() {
        let sheet = Sheet {
            name: "Accompagnements",
            columns: vec![col("Structure", 20.0), col("Montant", 10.0)],
            rows: ["=HYPERLINK(\"http://x\")", "+33 4 75 00 00 00", "-2", "@SUM(A1)", "Compagnie du Sillon"]
                .into_iter()
                .map(|t| vec![Cell::Text(t.into()), Cell::Money(jalons_core::values::Money(-1250))])
                .collect(),
            totals: Vec::new(),
        };
        let text = String::from_utf8(csv(&sheet).unwrap()).unwrap();
        let lines: Vec<&str> = text.lines().skip(1).collect();
        assert_eq!(
            lines,
            [
                "\"'=HYPERLINK(\"\"http://x\"\")\";-12,50",
                "'+33 4 75 00 00 00;-12,50",
                "'-2;-12,50",
                "'@SUM(A1);-12,50",
                "Compagnie du Sillon;-12,50"
            ]
        );
    }
}
