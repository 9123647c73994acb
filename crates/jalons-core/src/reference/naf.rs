//! The NAF rév. 2 sub-classes (INSEE), so that a code reads with its name: « 90.01Z –
//! Arts du spectacle vivant ». A code outside the list stays allowed (it may be newer).

use super::listing::Listing;

const NAF: Listing = Listing(include_str!("../../../../assets/reference/naf.tsv"));

pub fn naf_name(code: &str) -> Option<&'static str> {
    NAF.name(code)
}

pub fn naf_source() -> &'static str {
    NAF.source()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_culture_codes_are_named() {
        assert_eq!(naf_name("90.01Z"), Some("Arts du spectacle vivant"));
        assert_eq!(naf_name("94.99Z"), Some("Autres organisations fonctionnant par adhésion volontaire"));
        assert_eq!(naf_name("99.99Z"), None);
        assert!(naf_source().contains("NAF rév. 2"));
        assert_eq!(NAF.entries().count(), 732);
    }
}
