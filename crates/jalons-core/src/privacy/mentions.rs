//! Finding a person in text: their name (in either order: « Marie Dupont », « DUPONT
//! Marie »), e-mail and phone, whole words only, accents and case not counting, and
//! putting a mark in their place. JSON text (lists of people, the audit trail's values) is
//! read as JSON, so that a name after an escaped line break is found too.

use regex::Regex;
use serde_json::Value;

use crate::values::fold;
use crate::{Error, Result};

/// What takes the place of an erased person.
pub const ERASED: &str = "[personne effacée]";

/// The text folded to lower-case ASCII, and for each of its bytes the byte of the original
/// character it comes from, so that a match in the folded text maps back to the original.
fn fold_mapped(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let start = folded.len();
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else {
            match deunicode::deunicode_char(c) {
                Some(f) => folded.push_str(&f.to_ascii_lowercase()),
                None => folded.push('?'),
            }
        }
        origin.resize(origin.len() + (folded.len() - start), at);
    }
    (folded, origin)
}

/// The text folded as `fold_mapped` does, into `out`, without the map: most texts name
/// nobody, and are only checked.
fn fold_into(text: &str, out: &mut String) {
    out.clear();
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            match deunicode::deunicode_char(c) {
                Some(f) => out.extend(f.chars().map(|f| f.to_ascii_lowercase())),
                None => out.push('?'),
            }
        }
    }
}

/// A word boundary in the folded text, which is ASCII.
const BOUNDARY: &str = r"(?-u:\b)";

thread_local! {
    static FOLDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The words of a folded phrase as a pattern: separated by one to three blanks, hyphens,
/// apostrophes, dots or commas, whole words at both ends.
fn words_pattern(words: &[&str]) -> String {
    let words: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    format!("{BOUNDARY}{}{BOUNDARY}", words.join(r"[\s\-'.,]{1,3}"))
}

fn phone_pattern(phone: &str) -> Option<String> {
    let mut digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    // A French number typed with its country code (+33 6…, 0033 6…) is the national 06….
    let international = if phone.trim_start().starts_with('+') { 2 } else { 4 };
    let prefix: Vec<char> = if international == 2 { vec!['3', '3'] } else { vec!['0', '0', '3', '3'] };
    if digits.len() == 9 + international && digits.starts_with(&prefix) {
        digits.splice(..international, ['0']);
    }
    if digits.len() < 6 {
        return None;
    }
    let joined = |ds: &[char]| ds.iter().map(char::to_string).collect::<Vec<_>>().join(r"[\s.\-]?");
    // A French number is also written with its country code: 06 12… as +33 6 12….
    Some(match digits.split_first() {
        Some(('0', rest)) if digits.len() == 10 => {
            format!(r"(?:{BOUNDARY}0|\+33[\s.\-]?|{BOUNDARY}0033[\s.\-]?){}{BOUNDARY}", joined(rest))
        }
        _ => format!("{BOUNDARY}{}{BOUNDARY}", joined(&digits)),
    })
}

/// Someone to find: the patterns of their name, e-mail and phone.
#[derive(Clone)]
pub struct Needles {
    re: Regex,
    /// The same without word boundaries: what any text that names them must match, JSON
    /// with a name after an escaped line break included; checked first, and cheaply.
    loose: Regex,
    /// The ids of other people's records: a JSON object with one of them as its `id` (a
    /// namesake's contact in a structure's history) is theirs, not this person's.
    spared: std::collections::HashSet<String>,
}

impl Needles {
    pub fn new(name: &str, email: Option<&str>, phone: Option<&str>) -> Result<Self> {
        let folded = fold(name);
        let tokens: Vec<Vec<&str>> = folded
            .split_whitespace()
            .map(|t| t.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>())
            .filter(|t| !t.is_empty())
            .collect();
        if tokens.iter().flatten().map(|w| w.len()).sum::<usize>() < 2 {
            return Err(Error::validation(
                "name",
                "Le nom doit compter au moins deux lettres pour retrouver la personne.",
            ));
        }
        // Every order a name is written in, the surname first or last: « Zélie
        // Brantôme-Quaix », « BRANTÔME-QUAIX Zélie », « de La Tour Jean ».
        let mut patterns: Vec<String> = (0..tokens.len())
            .map(|i| {
                let words: Vec<&str> = tokens[i..].iter().chain(&tokens[..i]).flatten().copied().collect();
                words_pattern(&words)
            })
            .collect();
        if let Some(email) = email.map(fold).filter(|e| e.contains('@')) {
            patterns.push(format!("{BOUNDARY}{}{BOUNDARY}", regex::escape(&email)));
        }
        patterns.extend(phone.and_then(phone_pattern));
        let pattern = patterns.join("|");
        let compile = |p: &str| Regex::new(p).map_err(|e| Error::internal(format!("motif de recherche\u{a0}: {e}")));
        Ok(Self { re: compile(&pattern)?, loose: compile(&pattern.replace(BOUNDARY, ""))?, spared: Default::default() })
    }

    /// The same person, with the records of others to leave alone.
    pub fn sparing(mut self, ids: impl IntoIterator<Item = String>) -> Self {
        self.spared.extend(ids);
        self
    }

    /// The byte ranges of the original text where the person is named.
    fn ranges(&self, text: &str) -> Vec<(usize, usize)> {
        let (folded, origin) = fold_mapped(text);
        let end_of = |i: usize| {
            if i == folded.len() {
                return text.len();
            }
            // A match ending inside a character folded to several letters (œ → oe) takes it whole.
            let at = origin[i];
            if i > 0 && origin[i - 1] == at { at + text[at..].chars().next().map_or(0, char::len_utf8) } else { at }
        };
        self.re.find_iter(&folded).map(|m| (origin[m.start()], end_of(m.end()))).collect()
    }

    pub fn found_in(&self, text: &str) -> bool {
        FOLDED.with_borrow_mut(|folded| {
            fold_into(text, folded);
            self.re.is_match(folded)
        })
    }

    fn might_be_in(&self, text: &str) -> bool {
        FOLDED.with_borrow_mut(|folded| {
            fold_into(text, folded);
            self.loose.is_match(folded)
        })
    }

    fn scrub_text(&self, text: &str) -> Option<String> {
        if !self.found_in(text) {
            return None;
        }
        let ranges = self.ranges(text);
        if ranges.is_empty() {
            return None;
        }
        let mut out = String::with_capacity(text.len());
        let mut from = 0;
        for (start, end) in ranges {
            out.push_str(&text[from..start]);
            out.push_str(ERASED);
            from = end;
        }
        out.push_str(&text[from..]);
        Some(out)
    }

    fn scrub_json(&self, v: &mut Value) -> bool {
        match v {
            Value::String(s) => self.scrub_text(s).map(|t| *s = t).is_some(),
            Value::Array(items) => items.iter_mut().fold(false, |changed, item| self.scrub_json(item) | changed),
            Value::Object(map) if map.get("id").and_then(Value::as_str).is_some_and(|id| self.spared.contains(id)) => {
                false
            }
            Value::Object(map) => map.values_mut().fold(false, |changed, item| self.scrub_json(item) | changed),
            _ => false,
        }
    }

    /// The text with the person replaced by `ERASED`; none when they are not in it.
    pub fn scrub(&self, text: &str) -> Option<String> {
        if !self.might_be_in(text) {
            return None;
        }
        if text.starts_with(['[', '{'])
            && let Ok(mut v) = serde_json::from_str::<Value>(text)
        {
            return if self.scrub_json(&mut v) { serde_json::to_string(&v).ok() } else { None };
        }
        self.scrub_text(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marie() -> Needles {
        Needles::new("Marie-Hélène Dupont", Some("mh.dupont@exemple.fr"), Some("06 12 34 56 78")).unwrap()
    }

    #[test]
    fn finds_the_name_in_either_order_without_accents_or_case() {
        let n = marie();
        for text in [
            "Réunion avec Marie-Hélène Dupont.",
            "DUPONT Marie-Hélène présente",
            "marie helene dupont",
            "Dupont, Marie-Hélène",
            "écrire à MH.Dupont@exemple.fr",
            "tél. +33 6 12 34 56 78",
            "0612345678",
            "0033 6 12 34 56 78",
        ] {
            assert!(n.found_in(text), "{text}");
        }
        for text in ["Marie-Hélène Dupontel", "Marie Dupont", "06 12 34 56 79", "xmh.dupont@exemple.fr"] {
            assert!(!n.found_in(text), "{text}");
        }
    }

    #[test]
    fn scrubbing_keeps_the_rest_of_the_text_as_written() {
        let n = marie();
        assert_eq!(
            n.scrub("Vu Marie-Hélène Dupont (présidente)\u{202f}; rappeler au 06 12 34 56 78.").as_deref(),
            Some("Vu [personne effacée] (présidente)\u{202f}; rappeler au [personne effacée].")
        );
        assert_eq!(n.scrub("Rien à voir"), None);
    }

    #[test]
    fn json_is_scrubbed_value_by_value() {
        let n = marie();
        let people = r#"["Marie-Hélène Dupont","Jean Martin"]"#;
        assert_eq!(n.scrub(people).as_deref(), Some(r#"["[personne effacée]","Jean Martin"]"#));
        let changes = r#"[{"field":"body","from":null,"to":"Ligne\nMarie-Hélène Dupont"}]"#;
        assert_eq!(
            n.scrub(changes).as_deref(),
            Some(r#"[{"field":"body","from":null,"to":"Ligne\n[personne effacée]"}]"#)
        );
    }

    #[test]
    fn a_number_typed_with_its_country_code_is_found_written_the_french_way() {
        let n = Needles::new("Awa Diallo", None, Some("+33 6 71 82 93 04")).unwrap();
        assert!(n.found_in("au 06 71 82 93 04."));
        assert!(n.found_in("au +33671829304"));
    }

    #[test]
    fn the_record_of_a_namesake_is_left_alone() {
        let n = marie().sparing(["k2".to_owned()]);
        let contacts = r#"[{"id":"k1","name":"Marie-Hélène Dupont"},{"id":"k2","name":"Marie-Hélène Dupont"}]"#;
        assert_eq!(
            n.scrub(contacts).as_deref(),
            Some(r#"[{"id":"k1","name":"[personne effacée]"},{"id":"k2","name":"Marie-Hélène Dupont"}]"#)
        );
    }

    #[test]
    fn a_name_needs_two_letters() {
        assert_eq!(Needles::new(" - ", None, None).err().and_then(|e| e.field).as_deref(), Some("name"));
    }
}
