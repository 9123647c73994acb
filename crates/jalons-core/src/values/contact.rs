//! Contact details shared by every record that keeps a person's e-mail or phone.

use crate::{Error, Result};

/// Empty input means "not given"; anything else must parse.
pub fn optional<T>(raw: &str, parse: impl FnOnce(&str) -> Result<T>) -> Result<Option<T>> {
    if raw.trim().is_empty() { Ok(None) } else { parse(raw).map(Some) }
}

pub fn email(raw: &str) -> Result<String> {
    let v = raw.trim().to_lowercase();
    let ok = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !v.contains(char::is_whitespace)
        }
        None => false,
    };
    if ok {
        Ok(v)
    } else {
        Err(Error::validation("email", format!("L'adresse e-mail «\u{a0}{}\u{a0}» n'est pas valide.", raw.trim())))
    }
}

/// French numbers are shown as `06 12 34 56 78`; other numbers are kept as typed.
pub fn phone(raw: &str) -> Result<String> {
    let t = raw.trim();
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let allowed = t.chars().all(|c| c.is_ascii_digit() || " .-+()".contains(c));
    if !allowed || digits.len() < 8 || digits.len() > 15 {
        return Err(Error::validation("phone", format!("Le numéro de téléphone «\u{a0}{t}\u{a0}» n'est pas valide.")));
    }
    if digits.len() == 10 && digits.starts_with('0') && !t.starts_with('+') {
        let pairs: Vec<&str> = (0..5).map(|i| &digits[i * 2..i * 2 + 2]).collect();
        return Ok(pairs.join(" "));
    }
    Ok(t.split_whitespace().collect::<Vec<_>>().join(" "))
}
