//! How strong a new passphrase is (zxcvbn's estimate of the guesses it would take), said
//! in French as it is typed, and the one rule that decides whether it is accepted.

use serde::Serialize;
use ts_rs::TS;

use crate::{Error, Result};

const MIN_CHARS: usize = 10;
const MAX_CHARS: usize = 1024;
/// zxcvbn's « safely unguessable » (about 10^10 guesses): out of reach of an offline
/// attack once each guess costs an Argon2id derivation.
const MIN_SCORE: u8 = 3;
/// Words an attacker would try first on a Jalons file.
const KNOWN_WORDS: [&str; 5] = ["jalons", "dla", "cress", "accompagnement", "association"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PhraseStrength {
    /// 0 (guessed at once) to 4 (out of reach).
    pub score: u8,
    pub label: String,
    /// What would make it stronger; empty when nothing needs to change.
    pub hint: String,
    pub acceptable: bool,
}

pub fn strength(phrase: &str) -> PhraseStrength {
    let chars = phrase.chars().count();
    let score = if phrase.is_empty() { 0 } else { zxcvbn::zxcvbn(phrase, &KNOWN_WORDS).score() as u8 };
    let label = ["Très faible", "Faible", "Moyenne", "Solide", "Très solide"][usize::from(score.min(4))];
    let hint = if chars < MIN_CHARS {
        format!(
            "{MIN_CHARS} caractères au moins\u{a0}: quatre mots sans lien entre eux font une phrase solide et facile à retenir."
        )
    } else if chars > MAX_CHARS {
        format!("{MAX_CHARS} caractères au plus.")
    } else if score < MIN_SCORE {
        "Trop facile à deviner\u{a0}: ajoutez un mot inattendu, ou mêlez chiffres et majuscules.".to_owned()
    } else {
        String::new()
    };
    PhraseStrength { score, label: label.to_owned(), acceptable: hint.is_empty(), hint }
}

/// A passphrase chosen, typed twice.
pub fn check_new(phrase: &str, confirmation: &str) -> Result<()> {
    if phrase.is_empty() {
        return Err(Error::validation("passphrase", "Choisissez une phrase secrète."));
    }
    let judged = strength(phrase);
    if !judged.acceptable {
        return Err(Error::validation(
            "passphrase",
            format!("Phrase secrète {}\u{a0}: {}", judged.label.to_lowercase(), judged.hint),
        ));
    }
    if phrase != confirmation {
        return Err(Error::validation(
            "passphrase_confirmation",
            "Les deux saisies de la phrase secrète ne sont pas identiques.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_or_common_phrases_are_refused_with_what_to_do() {
        let short = strength("Azerty1!");
        assert!(!short.acceptable);
        assert!(short.hint.starts_with("10 caractères au moins"));
        assert!(!strength("azertyuiop123").acceptable);
        assert!(!strength("jalonsjalons").acceptable);
        let good = strength("lavande Diois tracteur 1987");
        assert!(good.acceptable, "{good:?}");
        assert_eq!(good.hint, "");
        assert_eq!(check_new("", "").unwrap_err().field.as_deref(), Some("passphrase"));
        assert_eq!(check_new("motdepasse", "motdepasse").unwrap_err().field.as_deref(), Some("passphrase"));
        let mismatch = check_new("lavande Diois tracteur 1987", "lavande Diois tracteur 1988").unwrap_err();
        assert_eq!(mismatch.field.as_deref(), Some("passphrase_confirmation"));
        assert!(check_new("lavande Diois tracteur 1987", "lavande Diois tracteur 1987").is_ok());
    }
}
