use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Error, Result};

/// An amount of money in integer euro cents, never negative in our records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(transparent)]
pub struct Money(pub i64);

/// Full-time equivalents in hundredths: 2,5 ETP is stored as 250.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(transparent)]
pub struct Etp(pub i64);

/// Consultant days in hundredths: 2,5 days is stored as 250.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(transparent)]
pub struct Days(pub i64);

/// Training hours in hundredths: 3,5 hours is stored as 350.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(transparent)]
pub struct Hours(pub i64);

/// A share in hundredths of a percent: 25,5 % is stored as 2550, 100 % as 10 000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(transparent)]
pub struct Share(pub i64);

/// Upper bound that catches a misplaced digit while allowing the largest ESS employers.
const MAX_MONEY_CENTS: i64 = 1_000_000_000_000;
const MAX_ETP_HUNDREDTHS: i64 = 10_000_000;

/// Parses a French decimal as typed: `12 500,50`, `12500.5`, `12 500 €`. Returns the value
/// scaled by 100 and rounded to the unit, or None when the text is not a number.
fn parse_hundredths(raw: &str) -> Option<i64> {
    let cleaned: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{202f}' && *c != '\u{a0}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() || cleaned.starts_with('.') && cleaned.len() == 1 {
        return None;
    }
    let (negative, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    let (int_part, frac_part) = body.split_once('.').unwrap_or((body, ""));
    if int_part.is_empty() && frac_part.is_empty()
        || !int_part.bytes().all(|b| b.is_ascii_digit())
        || !frac_part.bytes().all(|b| b.is_ascii_digit())
        || frac_part.len() > 2
        || int_part.len() > 15
    {
        return None;
    }
    let whole: i64 = if int_part.is_empty() { 0 } else { int_part.parse().ok()? };
    let frac: i64 = format!("{frac_part:0<2}").parse().ok()?;
    let v = whole * 100 + frac;
    Some(if negative { -v } else { v })
}

impl Money {
    /// Empty input means "not known" and gives None.
    pub fn parse_optional(field: &str, label: &str, raw: &str) -> Result<Option<Self>> {
        if raw.trim().is_empty() {
            return Ok(None);
        }
        let cents = parse_hundredths(raw).ok_or_else(|| {
            Error::validation(
                field,
                format!(
                    "{label}\u{a0}: montant invalide (saisi\u{a0}: «\u{a0}{}\u{a0}»). Écrivez par exemple 12 500,50.",
                    raw.trim()
                ),
            )
        })?;
        if cents < 0 {
            return Err(Error::validation(field, format!("{label} ne peut pas être négatif.")));
        }
        if cents > MAX_MONEY_CENTS {
            return Err(Error::validation(
                field,
                format!("{label} semble trop élevé\u{a0}: vérifiez le nombre de chiffres."),
            ));
        }
        Ok(Some(Self(cents)))
    }
}

impl Etp {
    pub fn parse_optional(field: &str, raw: &str) -> Result<Option<Self>> {
        if raw.trim().is_empty() {
            return Ok(None);
        }
        let v = parse_hundredths(raw).ok_or_else(|| {
            Error::validation(
                field,
                format!(
                    "ETP\u{a0}: nombre invalide (saisi\u{a0}: «\u{a0}{}\u{a0}»). Écrivez par exemple 2,5.",
                    raw.trim()
                ),
            )
        })?;
        if v < 0 {
            return Err(Error::validation(field, "Les ETP ne peuvent pas être négatifs."));
        }
        if v > MAX_ETP_HUNDREDTHS {
            return Err(Error::validation(field, "Le nombre d'ETP semble trop élevé\u{a0}: vérifiez la saisie."));
        }
        Ok(Some(Self(v)))
    }
}

impl Days {
    pub fn parse_optional(field: &str, raw: &str) -> Result<Option<Self>> {
        if raw.trim().is_empty() {
            return Ok(None);
        }
        match parse_hundredths(raw) {
            Some(v) if v <= 0 => Err(Error::validation(field, "Le nombre de jours doit être positif.")),
            Some(v) if v > 36_500 => {
                Err(Error::validation(field, "Le nombre de jours semble trop élevé\u{a0}: vérifiez la saisie."))
            }
            Some(v) => Ok(Some(Self(v))),
            None => Err(Error::validation(
                field,
                format!(
                    "Nombre de jours invalide (saisi\u{a0}: «\u{a0}{}\u{a0}»). Écrivez par exemple 3,5.",
                    raw.trim()
                ),
            )),
        }
    }
}

impl Hours {
    pub fn parse_optional(field: &str, raw: &str) -> Result<Option<Self>> {
        if raw.trim().is_empty() {
            return Ok(None);
        }
        match parse_hundredths(raw) {
            Some(v) if v < 0 => Err(Error::validation(field, "Le nombre d'heures ne peut pas être négatif.")),
            Some(v) if v > 1_000_000 => {
                Err(Error::validation(field, "Le nombre d'heures semble trop élevé\u{a0}: vérifiez la saisie."))
            }
            Some(v) => Ok(Some(Self(v))),
            None => Err(Error::validation(
                field,
                format!(
                    "Nombre d'heures invalide (saisi\u{a0}: «\u{a0}{}\u{a0}»). Écrivez par exemple 14 ou 3,5.",
                    raw.trim()
                ),
            )),
        }
    }
}

impl Share {
    pub const WHOLE: i64 = 10_000;

    /// `25`, `25,5`, `25 %`; empty means "not known".
    pub fn parse_optional(field: &str, label: &str, raw: &str) -> Result<Option<Self>> {
        if raw.trim().is_empty() {
            return Ok(None);
        }
        match parse_hundredths(&raw.replace('%', "")) {
            Some(v) if (0..=Self::WHOLE).contains(&v) => Ok(Some(Self(v))),
            Some(_) => Err(Error::validation(field, format!("{label} va de 0 à 100\u{a0}%."))),
            None => Err(Error::validation(
                field,
                format!(
                    "{label}\u{a0}: pourcentage invalide (saisi\u{a0}: «\u{a0}{}\u{a0}»). Écrivez par exemple 25 ou 12,5.",
                    raw.trim()
                ),
            )),
        }
    }
}

impl std::fmt::Display for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}\u{a0}%", Etp(self.0))
    }
}

/// A non-negative head count; empty means "not known".
pub fn parse_count(field: &str, label: &str, raw: &str) -> Result<Option<i64>> {
    let t: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i64>() {
        Ok(n) if n < 0 => Err(Error::validation(field, format!("{label} ne peut pas être négatif."))),
        Ok(n) if n > 1_000_000 => {
            Err(Error::validation(field, format!("{label} semble trop élevé\u{a0}: vérifiez la saisie.")))
        }
        Ok(n) => Ok(Some(n)),
        Err(_) => Err(Error::validation(
            field,
            format!("{label} doit être un nombre entier (saisi\u{a0}: «\u{a0}{}\u{a0}»).", raw.trim()),
        )),
    }
}

/// Dates arrive as ISO `2026-11-25` from date inputs; `25/11/2026` is accepted too.
pub fn parse_date(field: &str, label: &str, raw: &str) -> Result<NaiveDate> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(Error::validation(field, format!("{label} est obligatoire.")));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y")).map_err(|_| {
        Error::validation(
            field,
            format!("{label}\u{a0}: date invalide (saisi\u{a0}: «\u{a0}{t}\u{a0}»). Écrivez par exemple 25/11/2026."),
        )
    })
}

pub fn parse_optional_date(field: &str, label: &str, raw: &str) -> Result<Option<NaiveDate>> {
    if raw.trim().is_empty() { Ok(None) } else { parse_date(field, label, raw).map(Some) }
}

/// `1250050` → `12 500,50 €`, as a French reader expects (no-break spaces).
impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "\u{2212}" } else { "" };
        let units = (self.0.abs() / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in units.chars().enumerate() {
            if i > 0 && (units.len() - i).is_multiple_of(3) {
                grouped.push('\u{a0}');
            }
            grouped.push(c);
        }
        write!(f, "{sign}{grouped},{:02}\u{a0}€", self.0.abs() % 100)
    }
}

/// `350` → `3,5`, `-50` → `−0,5`; whole numbers without decimals.
macro_rules! hundredths_display {
    ($($name:ident),+) => {$(
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let sign = if self.0 < 0 { "\u{2212}" } else { "" };
                let (whole, frac) = (self.0.abs() / 100, self.0.abs() % 100);
                match frac {
                    0 => write!(f, "{sign}{whole}"),
                    tenths if tenths % 10 == 0 => write!(f, "{sign}{whole},{}", tenths / 10),
                    _ => write!(f, "{sign}{whole},{frac:02}"),
                }
            }
        }
    )+};
}
hundredths_display!(Hours, Etp, Days);

/// The hundredths and cents above are stored as SQLite integers.
macro_rules! integer_column {
    ($($name:ident),+) => {$(
        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.0.into())
            }
        }
        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                i64::column_result(v).map(Self)
            }
        }
    )+};
}
integer_column!(Money, Etp, Days, Hours, Share);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_accepts_french_typing() {
        let m = |s| Money::parse_optional("budget", "Le budget", s).unwrap();
        assert_eq!(m("12 500,50"), Some(Money(1_250_050)));
        assert_eq!(m("12500.5"), Some(Money(1_250_050)));
        assert_eq!(m("12\u{202f}500 €"), Some(Money(1_250_000)));
        assert_eq!(m("0"), Some(Money(0)));
        assert_eq!(m("  "), None);
    }

    #[test]
    fn money_rejects_with_the_field() {
        for bad in ["-5", "12,555", "douze", "1.2.3", "99999999999999"] {
            let e = Money::parse_optional("budget", "Le budget", bad).unwrap_err();
            assert_eq!(e.field.as_deref(), Some("budget"), "{bad}");
        }
    }

    #[test]
    fn money_and_hours_read_in_french() {
        assert_eq!(Money(1_250_050).to_string(), "12\u{a0}500,50\u{a0}€");
        assert_eq!(Money(5).to_string(), "0,05\u{a0}€");
        assert_eq!(Money(-1_250_050).to_string(), "\u{2212}12\u{a0}500,50\u{a0}€");
        assert_eq!(Money(100_000_000).to_string(), "1\u{a0}000\u{a0}000,00\u{a0}€");
        assert_eq!(Hours(350).to_string(), "3,5");
        assert_eq!(Hours(1400).to_string(), "14");
        assert_eq!(Hours(1425).to_string(), "14,25");
        assert_eq!(Etp(-50).to_string(), "\u{2212}0,5");
        assert_eq!(Days(250).to_string(), "2,5");
    }

    #[test]
    fn shares_in_hundredths_of_a_percent() {
        assert_eq!(Share::parse_optional("share", "La part", "25").unwrap(), Some(Share(2500)));
        assert_eq!(Share::parse_optional("share", "La part", "12,5 %").unwrap(), Some(Share(1250)));
        assert_eq!(Share::parse_optional("share", "La part", " ").unwrap(), None);
        assert_eq!(
            Share::parse_optional("share", "La part", "120").unwrap_err().message,
            "La part va de 0 à 100\u{a0}%."
        );
        assert!(Share::parse_optional("share", "La part", "un quart").unwrap_err().message.contains("un quart"));
        assert_eq!(Share(1250).to_string(), "12,5\u{a0}%");
    }

    #[test]
    fn etp_in_hundredths() {
        assert_eq!(Etp::parse_optional("etp", "2,5").unwrap(), Some(Etp(250)));
        assert_eq!(Etp::parse_optional("etp", "0,75").unwrap(), Some(Etp(75)));
        assert!(Etp::parse_optional("etp", "-1").is_err());
        assert!(Etp::parse_optional("etp", "1,234").is_err());
    }

    #[test]
    fn counts_and_dates() {
        assert_eq!(parse_count("volunteers", "Le nombre de bénévoles", " 12 ").unwrap(), Some(12));
        assert!(parse_count("volunteers", "Le nombre de bénévoles", "1,5").is_err());
        assert_eq!(parse_date("d", "La date", "25/11/2026").unwrap(), NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        assert!(parse_date("d", "La date", "2026-02-30").is_err());
        assert_eq!(parse_date("d", "La date", "").unwrap_err().message, "La date est obligatoire.");
    }
}
