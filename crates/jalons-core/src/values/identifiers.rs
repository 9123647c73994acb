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

fn digits_only(raw: &str) -> String {
    raw.chars().filter(|c| !c.is_whitespace()).collect()
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

fn check_digits(field: &str, label: &str, value: &str, len: usize) -> Result<()> {
    if value.len() != len || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::validation(
            field,
            format!("{label} doit compter {len} chiffres (saisi\u{a0}: «\u{a0}{value}\u{a0}»)."),
        ));
    }
    Ok(())
}

impl Siren {
    pub fn parse(field: &str, raw: &str) -> Result<Self> {
        let v = digits_only(raw);
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

impl Siret {
    pub fn parse(field: &str, raw: &str) -> Result<Self> {
        let v = digits_only(raw);
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

    /// The SIREN is the first nine digits of the SIRET.
    pub fn siren(&self) -> &str {
        &self.0[..9]
    }
}

impl Rna {
    pub fn parse(field: &str, raw: &str) -> Result<Self> {
        let v = digits_only(raw).to_uppercase();
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
        let compact: String = digits_only(raw).replace('.', "").to_uppercase();
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
        let v = digits_only(raw);
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
        let v = digits_only(raw).to_uppercase();
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
        assert!(err.message.contains("14 chiffres"), "{}", err.message);
        assert_eq!(Siret::parse("siret", "73282932000074").unwrap().siren(), "732829320");
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
