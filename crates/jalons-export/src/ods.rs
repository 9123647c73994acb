//! Sheets written as an OpenDocument spreadsheet (spreadsheet-ods), for LibreOffice users.

use jalons_core::{Error, Result};
use spreadsheet_ods::{Sheet as OdsSheet, Value, WorkBook};

use crate::table::{Cell, Sheet};

fn value(cell: &Cell) -> Value {
    match cell {
        Cell::Empty => Value::Empty,
        Cell::Text(s) => Value::Text(s.clone()),
        Cell::Count(n) => Value::Number(*n as f64),
        Cell::Money(m) => Value::Currency(m.0 as f64 / 100.0, "EUR".into()),
        Cell::Hundredths(h) => Value::Number(*h as f64 / 100.0),
        Cell::Percent(p) => Value::Percentage(*p as f64 / 10_000.0),
        Cell::Date(d) => Value::from(*d),
        Cell::YesNo(b) => Value::Text(if *b { "oui" } else { "non" }.to_owned()),
    }
}

pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>> {
    let mut book = WorkBook::new_empty();
    for s in sheets {
        let mut ods = OdsSheet::new(s.name);
        for (c, column) in (0u32..).zip(&s.columns) {
            ods.set_col_width(c, spreadsheet_ods::Length::Cm(column.width * 0.21));
            ods.set_value(0, c, column.title);
        }
        let lines = s.rows.iter().chain(&s.totals);
        for (r, row) in (1u32..).zip(lines) {
            for (c, cell) in (0u32..).zip(row) {
                ods.set_value(r, c, value(cell));
            }
        }
        book.push_sheet(ods);
    }
    spreadsheet_ods::write_ods_buf(&mut book, Vec::new())
        .map_err(|e| Error::internal(format!("Le classeur ODS n'a pas pu être écrit\u{a0}: {e}")))
}
