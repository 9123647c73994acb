use super::string_value;
use crate::{Error, Result};

string_value!(Siren);
string_value!(Siret);
string_value!(Rna);
string_value!(Naf);
string_value!(Idcc);
string_value!(CommuneCode);

/// La Poste's establishments share one SIREN and do not all pass Luhn (domain.md §7).
const LA_POSTE_SIREN: &str = "356000000";

/// An identifier as pasted from a letter, a Kbis or a website, without the separators
/// French documents put in it: spaces of every kind, dots, dashes.
fn compact(raw: &str) -> String {
    raw.chars().filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '‐' | '‑' | '–' | '—' | '_')).collect()
}

fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let dd = d * 2;
                if dd > 9 { dd - 9 } else { dd }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Says what is wrong with the digits: a character that is not one, or how many there are.
fn check_digits(field: &str, label: &str, value: &str, len: usize) -> Result<()> {
    if let Some(c) = value.chars().find(|c| !c.is_ascii_digit()) {
        let hint = if matches!(c, 'O' | 'o') { " (la lettre O à la place d'un zéro\u{202f}?)" } else { "" };
        return Err(Error::validation(
            field,
            format!("{label} ne contient que des chiffres\u{a0}: «\u{a0}{c}\u{a0}» n'en est pas un{hint}."),
        ));
    }
    let n = value.chars().count();
    if n != len {
        return Err(Error::validation(
            field,
            format!("{label} compte {len} chiffres\u{202f}; vous en avez saisi {n}."),
        ));
    }
    Ok(())
}

/// `26150`, `26 150`: five digits.
pub fn postal_code(field: &str, raw: &str) -> Result<String> {
    let v = compact(raw);
    check_digits(field, "Le code postal", &v, 5)?;
    Ok(v)
}

impl Siren {
    pub fn parse(field: &str, raw: &str) -> Result<Self> {
        let v = compact(raw);
        check_digits(field, "Le SIREN", &v, 9)?;
        if !luhn_valid(&v) {
            return Err(Error::validation(
                field,
                "Le SIREN est invalide\u{a0}: la clé de contrôle ne correspond pas. Vérifiez les chiffres.",
            ));
        }
        Ok(Self(v))
    }
}

impl Siren {
    /// `732 829 320`, never cut across lines.
    pub fn spaced(&self) -> String {
        let d = &self.0;
        format!("{}\u{a0}{}\u{a0}{}", &d[..3], &d[3..6], &d[6..])
    }
}

impl Siret {
    pub fn parse(field: &str, raw: &str) -> Result<Self> {
        let v = compact(raw);
        check_digits(field, "Le SIRET", &v, 14)?;
        let la_poste = v.starts_with(LA_POSTE_SIREN) && v.bytes().map(|b| u32::from(b - b'0')).sum::<u32>() % 5 == 0;
        if !luhn_valid(&v) && !la_poste {
            return Err(Error::validation(
                field,
                "Le SIRET est invalide\u{a0}: la clé de contrôle ne correspond pas. Vérifiez les chiffres.",
            ));
        }
        Ok(Self(v))
    }

    /// `732 829 320 00074`, as printed on a Kbis, and never cut across lines.
    pub fn spaced(&self) -> String {
        let d = &self.0;
        format!("{}\u{a0}{}\u{a0}{}\u{a0}{}", &d[..3], &d[3..6], &d[6..9], &d[9..])
    }

    /// The SIREN is the first nine digits of the SIRET.
    pub fn siren(&self) -> &str {
        &self.0[..9]
    }
}

impl Rna {
    pub fn parse(field: &str, raw: &str) -> Result<Self> {
        let v = compact(raw).to_uppercase();
        let ok =
            v.len() == 10 && v.starts_with('W') && v[1..].bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
        if !ok {
            return Err(Error::validation(
                field,
                format!(
                    "Le numéro RNA doit être un W suivi de 9 caractères, par exemple W262001234 (saisi\u{a0}: «\u{a0}{v}\u{a0}»)."
                ),
            ));
        }
        Ok(Self(v))
    }
}

impl Naf {
    /// Accepts `90.01Z`, `9001Z` and `90 01 z`; stores `90.01Z`.
    pub fn parse(field: &str, raw: &str) -> Result<Self> {
        let compact: String = compact(raw).to_uppercase();
        let b = compact.as_bytes();
        let ok = b.len() == 5 && b[..4].iter().all(u8::is_ascii_digit) && b[4].is_ascii_uppercase();
        if !ok {
            return Err(Error::validation(
                field,
                format!(
                    "Le code NAF doit avoir la forme 90.01Z\u{a0}: 4 chiffres puis une lettre (saisi\u{a0}: «\u{a0}{}\u{a0}»).",
                    raw.trim()
                ),
            ));
        }
        Ok(Self(format!("{}.{}", &compact[..2], &compact[2..])))
    }
}

impl Idcc {
    /// Accepts 1 to 4 digits and zero-pads them: `959` becomes `0959`.
    pub fn parse(field: &str, raw: &str) -> Result<Self> {
        let v = compact(raw);
        if v.is_empty() || v.len() > 4 || !v.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::validation(
                field,
                format!(
                    "Un IDCC est un code de 4 chiffres au plus, par exemple 1285 (saisi\u{a0}: «\u{a0}{}\u{a0}»).",
                    raw.trim()
                ),
            ));
        }
        Ok(Self(format!("{v:0>4}")))
    }
}

impl CommuneCode {
    pub fn parse(field: &str, raw: &str) -> Result<Self> {
        let v = compact(raw).to_uppercase();
        let b = v.as_bytes();
        let ok = b.len() == 5
            && (b.iter().all(u8::is_ascii_digit)
                || (b[0] == b'2' && (b[1] == b'A' || b[1] == b'B') && b[2..].iter().all(u8::is_ascii_digit)));
        if !ok {
            return Err(Error::validation(
                field,
                format!(
                    "Le code commune INSEE compte 5 caractères, par exemple 26113 ou 2A004 (saisi\u{a0}: «\u{a0}{v}\u{a0}»)."
                ),
            ));
        }
        Ok(Self(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siren_examples_of_the_domain() {
        assert_eq!(Siren::parse("siren", "732 829 320").unwrap().as_str(), "732829320");
        assert!(Siren::parse("siren", "732829321").is_err());
        assert!(Siren::parse("siren", "73282932").is_err());
        assert!(Siren::parse("siren", "73282932A").is_err());
    }

    #[test]
    fn siret_luhn_and_la_poste() {
        assert_eq!(Siret::parse("siret", "732 829 320 00074").unwrap().as_str(), "73282932000074");
        let err = Siret::parse("siret", "73282932000075").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("siret"));
        assert!(err.message.contains("clé de contrôle"));
        // Fails Luhn, digit sum 45 is a multiple of 5, SIREN is La Poste's.
        assert!(Siret::parse("siret", "35600000049837").is_ok());
        // La Poste SIREN but digit sum not a multiple of 5 and Luhn fails.
        assert!(Siret::parse("siret", "35600000049838").is_err());
        // The La Poste exception does not extend to other SIRENs.
        assert!(Siret::parse("siret", "73282932000079").is_err());
    }

    #[test]
    fn siret_length_message_names_the_count() {
        let err = Siret::parse("siret", "1234").unwrap_err();
        assert_eq!(err.message, "Le SIRET compte 14 chiffres\u{202f}; vous en avez saisi 4.");
        assert_eq!(Siret::parse("siret", "73282932000074").unwrap().siren(), "732829320");
    }

    #[test]
    fn siren_and_siret_print_in_groups_on_one_line() {
        assert_eq!(Siret::parse("siret", "73282932000074").unwrap().spaced(), "732\u{a0}829\u{a0}320\u{a0}00074");
        assert_eq!(Siren::parse("siren", "732829320").unwrap().spaced(), "732\u{a0}829\u{a0}320");
    }

    /// Identifiers as French documents print them: spaces (plain, no-break, narrow), dots,
    /// dashes.
    #[test]
    fn identifiers_pasted_with_their_separators_are_read() {
        let siret = [
            "329.338.883 00153",
            "329 338 883 00153",
            "329\u{a0}338\u{a0}883\u{a0}00153",
            "329\u{202f}338\u{202f}883\u{202f}00153",
            "329-338-883-00153",
            " 32933888300153 ",
        ];
        for raw in siret {
            assert_eq!(Siret::parse("siret", raw).map(|s| s.0), Ok("32933888300153".to_owned()), "{raw:?}");
        }
        assert_eq!(Siren::parse("siren", "329.338.883").unwrap().as_str(), "329338883");
        assert_eq!(Rna::parse("rna", "W 262-001.234").unwrap().as_str(), "W262001234");
        assert_eq!(Naf::parse("naf", "90.01 Z").unwrap().as_str(), "90.01Z");
        assert_eq!(Idcc::parse("idcc", "1\u{a0}285").unwrap().as_str(), "1285");
        assert_eq!(postal_code("postal_code", "26\u{a0}150").unwrap(), "26150");
    }

    #[test]
    fn a_refused_identifier_says_what_is_wrong() {
        let cases = [
            ("329 338 883 0015", "Le SIRET compte 14 chiffres\u{202f}; vous en avez saisi 13."),
            (
                "329 338 883 O0153",
                "Le SIRET ne contient que des chiffres\u{a0}: «\u{a0}O\u{a0}» n'en est pas un (la lettre O à la place d'un zéro\u{202f}?).",
            ),
            ("329 338 883 0015x", "Le SIRET ne contient que des chiffres\u{a0}: «\u{a0}x\u{a0}» n'en est pas un."),
            (
                "329 338 883 00154",
                "Le SIRET est invalide\u{a0}: la clé de contrôle ne correspond pas. Vérifiez les chiffres.",
            ),
        ];
        for (raw, want) in cases {
            assert_eq!(Siret::parse("siret", raw).unwrap_err().message, want, "{raw}");
        }
        assert_eq!(
            postal_code("postal_code", "2615").unwrap_err().message,
            "Le code postal compte 5 chiffres\u{202f}; vous en avez saisi 4."
        );
    }

    #[test]
    fn rna_forms() {
        assert_eq!(Rna::parse("rna", "w262001234").unwrap().as_str(), "W262001234");
        assert!(Rna::parse("rna", "W2A2001234").is_ok());
        assert!(Rna::parse("rna", "262001234").is_err());
        assert!(Rna::parse("rna", "W26200123").is_err());
        assert!(Rna::parse("rna", "W26200123-").is_err());
    }

    #[test]
    fn naf_with_or_without_dot() {
        assert_eq!(Naf::parse("naf", "90.01Z").unwrap().as_str(), "90.01Z");
        assert_eq!(Naf::parse("naf", "9001z").unwrap().as_str(), "90.01Z");
        assert_eq!(Naf::parse("naf", " 90 03 A ").unwrap().as_str(), "90.03A");
        assert!(Naf::parse("naf", "90.0Z").is_err());
        assert!(Naf::parse("naf", "90.012").is_err());
    }

    #[test]
    fn idcc_is_zero_padded() {
        assert_eq!(Idcc::parse("idcc", "959").unwrap().as_str(), "0959");
        assert_eq!(Idcc::parse("idcc", "1285").unwrap().as_str(), "1285");
        assert!(Idcc::parse("idcc", "12850").is_err());
        assert!(Idcc::parse("idcc", "").is_err());
        assert!(Idcc::parse("idcc", "12a").is_err());
    }

    #[test]
    fn commune_codes_including_corsica() {
        assert!(CommuneCode::parse("commune", "26113").is_ok());
        assert_eq!(CommuneCode::parse("commune", "2a004").unwrap().as_str(), "2A004");
        assert!(CommuneCode::parse("commune", "2C004").is_err());
        assert!(CommuneCode::parse("commune", "2611").is_err());
    }
}
