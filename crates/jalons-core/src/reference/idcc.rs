//! The collective agreements a structure may apply (domain.md §5), from a bundled, dated
//! extract: code and name. A code outside the list stays allowed (any 4 digits).

use crate::labels::Choice;

const IDCC: &str = include_str!("../../../../assets/reference/idcc.tsv");

/// `source: …` from the file's first line: what the list is and when it was made.
pub fn idcc_source() -> &'static str {
    IDCC.lines().next().and_then(|l| l.strip_prefix("# source: ")).unwrap_or("")
}

fn entries() -> impl Iterator<Item = (&'static str, &'static str)> {
    IDCC.lines().filter(|l| !l.starts_with('#')).skip(1).filter_map(|l| l.split_once('\t'))
}

pub fn idcc_name(code: &str) -> Option<&'static str> {
    entries().find(|(c, _)| *c == code).map(|(_, name)| name)
}

pub fn idcc_choices() -> Vec<Choice> {
    entries().map(|(code, name)| Choice { code: code.into(), label: format!("{code} – {name}") }).collect()
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
