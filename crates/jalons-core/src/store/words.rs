//! The accent-free word search the lists share: every typed word must appear in a
//! `search_name` column (kept folded by each record's writer), `%` and `_` taken as typed.

use rusqlite::types::Value;

use crate::values::fold;

pub(crate) fn every_word_in(column: &str, typed: &str, clauses: &mut Vec<String>, params: &mut Vec<Value>) {
    for word in words(typed) {
        clauses.push(format!("{column} LIKE '%' || ? || '%' ESCAPE '\\'"));
        params.push(word);
    }
}

/// The typed words, folded, with `\`, `%` and `_` escaped for `LIKE … ESCAPE '\'`.
pub(crate) fn words(typed: &str) -> Vec<Value> {
    fold(typed)
        .split_whitespace()
        .map(|word| Value::Text(word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")))
        .collect()
}
