use crate::{Error, Result};

/// Lower-case ASCII form used for accent-insensitive matching: "Théâtre" → "theatre".
pub fn fold(s: &str) -> String {
    deunicode::deunicode(s).to_lowercase()
}

pub fn optional_text(raw: &str) -> Option<String> {
    let t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// Long texts (findings, reports) keep their line breaks; only surrounding blanks go.
pub fn optional_long_text(raw: &str) -> Option<String> {
    let t = raw.trim();
    (!t.is_empty()).then(|| t.to_owned())
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
    fn optional_text_collapses_spaces() {
        assert_eq!(optional_text("  a   b "), Some("a b".into()));
        assert_eq!(optional_text("   "), None);
    }
}
