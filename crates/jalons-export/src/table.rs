//! A format-neutral table: what a report sheet holds, written by xlsx.rs, ods.rs and csv.rs.

use chrono::NaiveDate;
use jalons_core::values::Money;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Count(i64),
    Money(Money),
    /// ETP, days: hundredths, shown with up to two decimals.
    Hundredths(i64),
    /// Hundredths of a percent: 2550 is 25,5 %.
    Percent(i64),
    Date(NaiveDate),
    /// « oui » or « non ».
    YesNo(bool),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Self {
        Cell::Text(s.into())
    }

    pub fn opt_text(s: &Option<String>) -> Self {
        s.as_ref().map_or(Cell::Empty, |s| Cell::Text(s.clone()))
    }

    pub fn opt_count(n: Option<i64>) -> Self {
        n.map_or(Cell::Empty, Cell::Count)
    }

    /// How a French reader writes it in a CSV or a plain cell: `2,5`, `12500,00`, `25/11/2026`.
    pub fn plain(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Money(m) => {
                let sign = if m.0 < 0 { "-" } else { "" };
                format!("{sign}{},{:02}", m.0.abs() / 100, m.0.abs() % 100)
            }
            Cell::Hundredths(h) => jalons_core::values::Etp(*h).to_string().replace('\u{2212}', "-"),
            Cell::Percent(p) => format!("{} %", jalons_core::values::Etp(*p)),
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
            Cell::YesNo(b) => if *b { "oui" } else { "non" }.to_owned(),
        }
    }
}

pub struct Column {
    pub title: &'static str,
    /// In characters.
    pub width: f64,
}

pub const fn col(title: &'static str, width: f64) -> Column {
    Column { title, width }
}

pub struct Sheet {
    pub name: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Lines under the rows, in bold: totals.
    pub totals: Vec<Vec<Cell>>,
}
