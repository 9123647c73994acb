//! The collective agreements a structure may apply (domain.md §5), from a bundled, dated
//! extract: code and name. A code outside the list stays allowed (any 4 digits).

use super::listing::Listing;
use crate::labels::Choice;

const IDCC: Listing = Listing(include_str!("../../../../assets/reference/idcc.tsv"));

pub fn idcc_source() -> &'static str {
    IDCC.source()
}

pub fn idcc_name(code: &str) -> Option<&'static str> {
    IDCC.name(code)
}

pub fn idcc_choices() -> Vec<Choice> {
    IDCC.entries().map(|(code, name)| Choice { code: code.into(), label: format!("{code} – {name}") }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_culture_agreements_are_named() {
        assert_eq!(idcc_name("1285"), Some("Entreprises artistiques et culturelles (CCNEAC)"));
        assert_eq!(idcc_name("3090"), Some("Entreprises du secteur privé du spectacle vivant"));
        assert_eq!(idcc_name("9999"), None);
        assert!(idcc_source().contains("2026"));
        assert!(idcc_choices().iter().all(|c| c.code.len() == 4));
    }
}
