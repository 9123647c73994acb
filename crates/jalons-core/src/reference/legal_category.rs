//! The INSEE legal categories (niveau III, 4 digits), so that a code reads with its name:
//! « 9220 – Association déclarée ». A code outside the list stays allowed (it may be newer).

use super::listing::Listing;

const CATEGORIES: Listing = Listing(include_str!("../../../../assets/reference/categories-juridiques.tsv"));

pub fn legal_category_name(code: &str) -> Option<&'static str> {
    CATEGORIES.name(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_categories_of_the_ess_are_named() {
        assert_eq!(legal_category_name("9220"), Some("Association déclarée"));
        assert_eq!(legal_category_name("5458"), Some("SARL coopérative ouvrière de production (SCOP)"));
        assert_eq!(legal_category_name("5560"), Some("Autre SA coopérative à conseil d'administration"));
        assert_eq!(legal_category_name("9300"), Some("Fondation"));
        assert_eq!(legal_category_name("9999"), None);
        assert!(CATEGORIES.source().contains("INSEE"));
        assert_eq!(CATEGORIES.entries().count(), 260);
    }
}
