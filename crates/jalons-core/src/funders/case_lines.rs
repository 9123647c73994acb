//! The funder lines that pay for a case, each with what it pays when known: an amount, a
//! share of the case, or both. Several lines co-finance a case; their shares cannot
//! exceed the whole.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Funder;
use crate::ids::parse_id;
use crate::values::{Money, Share};
use crate::{Error, Result};

/// One line of the case's « Financé par » form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct CaseFunderInput {
    pub funder_id: String,
    /// In euros as typed (`12 500,50`); empty when not known.
    pub amount: String,
    /// In percent as typed (`25`, `12,5`); empty when not known.
    pub share: String,
}

/// A line that pays for the case, and what it pays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CaseFunder {
    pub line: Funder,
    pub amount: Option<Money>,
    pub share: Option<Share>,
}

impl CaseFunder {
    /// « État (DREETS) — Convention DLA 2026 (60 %, 4 800,00 €) »: the line and what it pays.
    pub fn label(&self) -> String {
        let paid: Vec<String> =
            [self.share.map(|s| s.to_string()), self.amount.map(|a| a.to_string())].into_iter().flatten().collect();
        if paid.is_empty() { self.line.label() } else { format!("{} ({})", self.line.label(), paid.join(", ")) }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ValidCaseFunder {
    pub funder_id: String,
    pub amount: Option<Money>,
    pub share: Option<Share>,
}

/// Validates the lines in the order given, sorted by id for storage and comparison.
pub(crate) fn validate(lines: &[CaseFunderInput]) -> Result<Vec<ValidCaseFunder>> {
    let mut out: Vec<ValidCaseFunder> = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let within = |e: Error| e.within(&format!("lines.{i}"));
        let funder_id = parse_id("funder_id", &l.funder_id).map_err(within)?;
        if out.iter().any(|o| o.funder_id == funder_id) {
            return Err(within(Error::validation("funder_id", "Cette ligne de financement figure deux fois.")));
        }
        out.push(ValidCaseFunder {
            funder_id,
            amount: Money::parse_optional("amount", "Le montant pris en charge", &l.amount).map_err(within)?,
            share: Share::parse_optional("share", "La part prise en charge", &l.share).map_err(within)?,
        });
    }
    let total: i64 = out.iter().filter_map(|l| l.share).map(|s| s.0).sum();
    if total > Share::WHOLE {
        let last = out.iter().rposition(|l| l.share.is_some()).unwrap_or(0);
        return Err(Error::validation(
            "share",
            format!(
                "Les parts des lignes font {} au total\u{a0}: elles ne peuvent pas dépasser 100\u{a0}%.",
                Share(total)
            ),
        )
        .within(&format!("lines.{last}")));
    }
    out.sort_by(|a, b| a.funder_id.cmp(&b.funder_id));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str, amount: &str, share: &str) -> CaseFunderInput {
        CaseFunderInput { funder_id: id.into(), amount: amount.into(), share: share.into() }
    }

    const A: &str = "0190d5a0-0000-7000-8000-000000000001";
    const B: &str = "0190d5a0-0000-7000-8000-000000000002";

    #[test]
    fn amounts_and_shares_are_read_as_typed() {
        let v = validate(&[line(B, "12 500,50", ""), line(A, "", "25 %")]).unwrap();
        assert_eq!(v[0].funder_id, A);
        assert_eq!(v[0].share, Some(Share(2500)));
        assert_eq!(v[1].amount, Some(Money(1_250_050)));
    }

    #[test]
    fn shares_stop_at_the_whole_and_name_the_line() {
        let e = validate(&[line(A, "", "60"), line(B, "", "50")]).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("lines.1.share"));
        assert!(e.message.contains("110\u{a0}%"), "{}", e.message);
        let e = validate(&[line(A, "", ""), line(A, "", "")]).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("lines.1.funder_id"));
        let e = validate(&[line(A, "beaucoup", "")]).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("lines.0.amount"));
    }
}
