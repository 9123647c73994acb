//! Dates and numbers as a French reader expects them on paper.

use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `25/11/2026`.
pub fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

pub fn date_or_dash(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "—".to_owned(), date)
}

/// `1er décembre 2026`, `25 novembre 2026`.
pub fn long_date(d: NaiveDate) -> String {
    let day = if d.day() == 1 { "1er".to_owned() } else { d.day().to_string() };
    format!("{day}\u{a0}{} {}", MONTHS[d.month0() as usize], d.year())
}

/// Any displayable value, or a dash when unknown.
pub fn or_dash<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_in_french() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(date(d("2026-11-05")), "05/11/2026");
        assert_eq!(long_date(d("2026-12-01")), "1er\u{a0}décembre 2026");
        assert_eq!(long_date(d("2026-08-15")), "15\u{a0}août 2026");
        assert_eq!(date_or_dash(None), "—");
    }
}
