//! Properties of the parsers over many generated inputs.

use jalons_core::values::{Etp, Money, Siren, Siret};
use proptest::prelude::*;

fn luhn_sum(digits: &[u32]) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d })
        .sum()
}

/// Appends the digit that makes the whole number pass Luhn.
fn with_check_digit(mut digits: Vec<u32>) -> String {
    let check = (0..10).find(|c| luhn_sum(&[digits.clone(), vec![*c]].concat()).is_multiple_of(10)).unwrap();
    digits.push(check);
    digits.iter().map(|d| char::from_digit(*d, 10).unwrap()).collect()
}

/// Writes cents the way a French user types them: `12 500,5`.
fn typed(cents: i64) -> String {
    let euros = (cents / 100).to_string();
    let grouped: Vec<String> =
        euros.as_bytes().rchunks(3).rev().map(|c| String::from_utf8(c.to_vec()).unwrap()).collect();
    format!("{},{:02}", grouped.join(" "), cents % 100)
}

proptest! {
    #[test]
    fn every_luhn_valid_siren_parses_with_or_without_spaces(body in prop::collection::vec(0u32..10, 8)) {
        let siren = with_check_digit(body);
        let spaced = format!("{} {} {}", &siren[..3], &siren[3..6], &siren[6..]);
        let parsed = Siren::parse("siren", &spaced).unwrap();
        prop_assert_eq!(parsed.as_str(), siren.as_str());
    }

    #[test]
    fn a_single_wrong_digit_is_always_caught(body in prop::collection::vec(0u32..10, 13), pos in 0usize..14, delta in 1u32..10) {
        let siret = with_check_digit(body);
        prop_assume!(!siret.starts_with("356000000"));
        let mut digits: Vec<u32> = siret.chars().map(|c| c.to_digit(10).unwrap()).collect();
        digits[pos] = (digits[pos] + delta) % 10;
        let wrong: String = digits.iter().map(|d| char::from_digit(*d, 10).unwrap()).collect();
        let err = Siret::parse("siret", &wrong).unwrap_err();
        prop_assert_eq!(err.field.as_deref(), Some("siret"));
    }

    #[test]
    fn amounts_typed_in_french_read_back_to_the_same_cents(cents in 0i64..1_000_000_000_000) {
        prop_assert_eq!(Money::parse_optional("budget", "Le budget", &typed(cents)).unwrap(), Some(Money(cents)));
    }

    #[test]
    fn negative_amounts_and_etp_are_refused(v in 1i64..1_000_000) {
        let typed = format!("-{v}");
        prop_assert!(Money::parse_optional("budget", "Le budget", &typed).is_err());
        prop_assert!(Etp::parse_optional("etp", &typed).is_err());
    }
}
