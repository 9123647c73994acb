//! French as users read it, in one place: typography (no-break spaces by « » and before
//! : ; ! ?), counts with their plural, and alphabetical order where accents and case do
//! not count. The UI has the same rules in `ui/src/lib/french.ts` (with « de » before the
//! name of a structure, which only the screens need); the documents and every error message go through
//! these.

use std::cmp::Ordering;

use crate::values::fold;

/// Inside « » and before « : ».
pub const NBSP: char = '\u{a0}';
/// Before « ; », « ! » and « ? », and between thousands.
pub const NNBSP: char = '\u{202f}';

fn is_space(c: char) -> bool {
    c == ' ' || c == NBSP || c == NNBSP
}

/// Puts the no-break spaces French typography wants: inside « » (added when missing),
/// before « : » and before « ; ! ? » (narrow), where the text has a space; three dots
/// become « … ». A colon with no space before it (10:30, https://) is left alone, and so
/// are line breaks.
pub fn typography(text: &str) -> String {
    let chars: Vec<char> = text.replace("...", "…").chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_space(c) {
            let end = (i..chars.len()).find(|&j| !is_space(chars[j])).unwrap_or(chars.len());
            match (out.chars().last(), chars.get(end)) {
                (_, Some(':' | '»')) | (Some('«'), _) => out.push(NBSP),
                (_, Some(';' | '!' | '?')) => out.push(NNBSP),
                _ => out.extend(&chars[i..end]),
            }
            i = end;
            continue;
        }
        if c == '»' && out.chars().last().is_some_and(|p| !p.is_whitespace()) {
            out.push(NBSP);
        }
        out.push(c);
        if c == '«' && chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) {
            out.push(NBSP);
        }
        i += 1;
    }
    out
}

/// `1 234`: thousands set apart by a narrow no-break space, as French prints them.
pub fn number(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    if n < 0 {
        out.push('-');
    }
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(NNBSP);
        }
        out.push(d);
    }
    out
}

/// `0 salarié`, `1 salarié`, `2 salariés`: in French, 0 and 1 take the singular. The
/// number and its noun stay on one line.
pub fn count(n: impl TryInto<i64>, one: &str, many: &str) -> String {
    let n = n.try_into().unwrap_or(i64::MAX);
    format!("{}{NBSP}{}", number(n), if n.unsigned_abs() <= 1 { one } else { many })
}

/// « de » before a person's name, elided before a vowel: « d'Awa Diallo », « de Jean
/// Morel », « de Le Goff » (a surname keeps its article). Same rule as `ofPerson` in
/// french.ts.
pub fn of_person(name: &str) -> String {
    let n = name.trim();
    let vowel =
        n.chars().next().is_some_and(|c| "aeiouàâäéèêëîïôöùûüœæ".contains(c.to_lowercase().next().unwrap_or(c)));
    if vowel { format!("d'{n}") } else { format!("de {n}") }
}

/// Alphabetical order as a French reader expects it: « État » between « Département »
/// and « Région », « école » beside « École »; the exact text breaks ties.
pub fn compare(a: &str, b: &str) -> Ordering {
    fold(a).cmp(&fold(b)).then_with(|| a.cmp(b))
}

/// The order of `compare` as a key, for `sort_by_cached_key`: a long list is folded once
/// per item rather than twice per comparison.
pub fn order_key(s: &str) -> (String, String) {
    (fold(s), s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visible(s: &str) -> String {
        s.replace(NBSP, "~").replace(NNBSP, "^")
    }

    #[test]
    fn de_is_elided_before_a_name_starting_with_a_vowel() {
        assert_eq!(of_person(" Awa Diallo"), "d'Awa Diallo");
        assert_eq!(of_person("Élise Garnier"), "d'Élise Garnier");
        assert_eq!(of_person("Le Goff Yann"), "de Le Goff Yann");
    }

    #[test]
    fn typography_puts_no_break_spaces_where_french_wants_them() {
        let cases = [
            ("Tout est prêt pour « Clôture ».", "Tout est prêt pour «~Clôture~»."),
            ("Indiquez le motif : « Non éligible ».", "Indiquez le motif~: «~Non éligible~»."),
            ("«Parcours»", "«~Parcours~»"),
            ("Vraiment ? Oui ! Puis ; la suite", "Vraiment^? Oui^! Puis^; la suite"),
            ("déjà   :  fait", "déjà~:  fait"),
            ("à 10:30, voir https://exemple.fr", "à 10:30, voir https://exemple.fr"),
            ("Rien à changer.", "Rien à changer."),
            ("Nouveau consultant...", "Nouveau consultant…"),
            ("Deux lignes :\nla suite", "Deux lignes~:\nla suite"),
        ];
        for (raw, want) in cases {
            assert_eq!(visible(&typography(raw)), want, "{raw}");
            assert_eq!(typography(&typography(raw)), typography(raw), "idempotent on {raw}");
        }
    }

    #[test]
    fn counts_take_the_french_plural() {
        let cases = [
            (0, "0~salarié"),
            (1, "1~salarié"),
            (2, "2~salariés"),
            (-1, "-1~salarié"),
            (1234, "1^234~salariés"),
            (1_000_000, "1^000^000~salariés"),
        ];
        for (n, want) in cases {
            assert_eq!(visible(&count(n, "salarié", "salariés")), want);
        }
        assert_eq!(visible(&count(1, "fiche", "fiches")), "1~fiche");
    }

    #[test]
    fn french_order_ignores_accents_and_case() {
        let mut names = vec!["Région", "État", "Département", "école", "Europe", "Commune"];
        names.sort_by(|a, b| compare(a, b));
        assert_eq!(names, ["Commune", "Département", "école", "État", "Europe", "Région"]);
    }
}
