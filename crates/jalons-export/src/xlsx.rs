//! Sheets written as an Excel workbook (rust_xlsxwriter): typed cells, French number
//! formats, frozen header, totals in bold.

use jalons_core::{Error, Result};
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::table::{Cell, Sheet};

fn failed(e: XlsxError) -> Error {
    Error::internal(format!("Le classeur Excel n'a pas pu être écrit\u{a0}: {e}"))
}

struct Formats {
    head: Format,
    money: Format,
    hundredths: Format,
    percent: Format,
    date: Format,
    wrap: Format,
}

fn formats(bold: bool) -> Formats {
    let base = if bold { Format::new().set_bold() } else { Format::new() };
    Formats {
        head: Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Top).set_background_color("#E8EEF3"),
        money: base.clone().set_num_format("#,##0.00 \"€\""),
        hundredths: base.clone().set_num_format("0.##"),
        percent: base.clone().set_num_format("0.0 %"),
        date: base.clone().set_num_format("dd/mm/yyyy"),
        wrap: base.set_text_wrap().set_align(FormatAlign::Top),
    }
}

fn write(ws: &mut Worksheet, row: u32, col: u16, cell: &Cell, f: &Formats) -> std::result::Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => {
            ws.write_string_with_format(row, col, s, &f.wrap)?;
        }
        Cell::Count(n) => {
            ws.write_number_with_format(row, col, *n as f64, &f.hundredths)?;
        }
        Cell::Money(m) => {
            ws.write_number_with_format(row, col, m.0 as f64 / 100.0, &f.money)?;
        }
        Cell::Hundredths(h) => {
            ws.write_number_with_format(row, col, *h as f64 / 100.0, &f.hundredths)?;
        }
        Cell::Percent(p) => {
            ws.write_number_with_format(row, col, *p as f64 / 10_000.0, &f.percent)?;
        }
        Cell::Date(d) => {
            let date = rust_xlsxwriter::ExcelDateTime::parse_from_str(&d.to_string())?;
            ws.write_datetime_with_format(row, col, &date, &f.date)?;
        }
        Cell::YesNo(b) => {
            ws.write_string_with_format(row, col, if *b { "oui" } else { "non" }, &f.wrap)?;
        }
    }
    Ok(())
}

fn sheet(ws: &mut Worksheet, s: &Sheet) -> std::result::Result<(), XlsxError> {
    ws.set_name(s.name)?;
    let (plain, bold) = (formats(false), formats(true));
    for (c, column) in (0u16..).zip(&s.columns) {
        ws.set_column_width(c, column.width)?;
        ws.write_string_with_format(0, c, column.title, &plain.head)?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (r, row) in (1u32..).zip(&s.rows) {
        for (c, cell) in (0u16..).zip(row) {
            write(ws, r, c, cell, &plain)?;
        }
    }
    let first = u32::try_from(s.rows.len()).unwrap_or(u32::MAX).saturating_add(1);
    for (r, row) in (first..).zip(&s.totals) {
        for (c, cell) in (0u16..).zip(row) {
            write(ws, r, c, cell, &bold)?;
        }
    }
    Ok(())
}

pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    for s in sheets {
        sheet(book.add_worksheet(), s).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}
