use crate::{Error, Result};

/// Lower-case ASCII form used for accent-insensitive matching: "Théâtre" → "theatre".
pub fn fold(s: &str) -> String {
    deunicode::deunicode(s).to_lowercase()
}

pub fn optional_text(raw: &str) -> Option<String> {
    let t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// The most a long text (notes, findings, results) may hold: some fifteen pages.
pub const LONG_TEXT_MAX: usize = 20_000;

/// A short text as typed, blanks collapsed: none when blank, refused past `max` characters.
pub fn short_text(field: &str, label: &str, raw: &str, max: usize) -> Result<Option<String>> {
    let t = optional_text(raw);
    let typed = t.as_ref().map_or(0, |t| t.chars().count());
    if typed > max {
        return Err(Error::validation(field, too_long(label, max, typed)));
    }
    Ok(t)
}

/// A long text keeps its line breaks, only surrounding blanks go: none when blank, refused
/// past `LONG_TEXT_MAX` characters (a paste gone wrong, not a note).
pub fn long_text(field: &str, label: &str, raw: &str) -> Result<Option<String>> {
    let t = raw.trim();
    let typed = t.chars().count();
    if typed > LONG_TEXT_MAX {
        return Err(Error::validation(
            field,
            format!(
                "{} Gardez l'essentiel, et joignez le reste en pièce jointe.",
                too_long(label, LONG_TEXT_MAX, typed)
            ),
        ));
    }
    Ok((!t.is_empty()).then(|| t.to_owned()))
}

/// Said the same way whatever the label's number: « Les notes : 200 caractères au plus
/// (250 saisis). »
fn too_long(label: &str, max: usize, typed: usize) -> String {
    format!(
        "{label}\u{a0}: {} au plus ({} saisis).",
        crate::french::count(max, "caractère", "caractères"),
        crate::french::number(i64::try_from(typed).unwrap_or(i64::MAX))
    )
}

pub fn required_text(field: &str, label: &str, raw: &str, max: usize) -> Result<String> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(Error::validation(field, format!("{label} est obligatoire.")));
    }
    if t.chars().count() > max {
        return Err(Error::validation(field, format!("{label} dépasse {max} caractères.")));
    }
    Ok(t.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_accents_and_case() {
        assert_eq!(fold("Théâtre de l'Œuvre"), "theatre de l'oeuvre");
    }

    #[test]
    fn free_texts_have_a_length_that_names_their_field() {
        assert_eq!(short_text("place", "Le lieu", "  Die  ", 10).unwrap().as_deref(), Some("Die"));
        let e = short_text("place", "Le lieu", &"x".repeat(11), 10).unwrap_err();
        assert_eq!(
            (e.field.as_deref(), e.message.as_str()),
            (Some("place"), "Le lieu\u{a0}: 10\u{a0}caractères au plus (11 saisis).")
        );
        assert_eq!(long_text("notes", "Les notes", " a\nb ").unwrap().as_deref(), Some("a\nb"));
        let e = long_text("notes", "Les notes", &"é".repeat(LONG_TEXT_MAX + 1)).unwrap_err();
        assert!(
            e.message.starts_with("Les notes\u{a0}: 20\u{202f}000\u{a0}caractères au plus (20\u{202f}001 saisis)."),
            "{}",
            e.message
        );
        assert_eq!(long_text("notes", "Les notes", "   ").unwrap(), None);
    }

    #[test]
    fn optional_text_collapses_spaces() {
        assert_eq!(optional_text("  a   b "), Some("a b".into()));
        assert_eq!(optional_text("   "), None);
    }
}
