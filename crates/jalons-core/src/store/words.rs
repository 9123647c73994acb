//! The accent-free word search the lists share: every typed word must appear in a
//! `search_name` column (kept folded by each record's writer), `%` and `_` taken as typed.

use rusqlite::types::Value;

use crate::values::fold;

/// SQLite's plan for a query, a step a line: what the tests read to check that a list is
/// read along its index.
#[cfg(test)]
pub(crate) fn query_plan(conn: &rusqlite::Connection, sql: &str, params: &[Value]) -> String {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let steps = stmt.query_map(rusqlite::params_from_iter(params), |r| r.get::<_, String>(3)).unwrap();
    steps.map(Result::unwrap).collect::<Vec<_>>().join("\n")
}

pub(crate) fn every_word_in(column: &str, typed: &str, clauses: &mut Vec<String>, params: &mut Vec<Value>) {
    for word in words(typed) {
        clauses.push(format!("{column} LIKE '%' || ? || '%' ESCAPE '\\'"));
        params.push(word);
    }
}

/// The typed words, folded, with `\`, `%` and `_` escaped for `LIKE … ESCAPE '\'`.
pub(crate) fn words(typed: &str) -> Vec<Value> {
    fold(typed).split_whitespace().map(|word| Value::Text(escaped(word))).collect()
}

/// A word with `\\`, `%` and `_` escaped for `LIKE … ESCAPE '\\'`.
pub(crate) fn escaped(word: &str) -> String {
    word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// `column` begins with one typed `word` (a word of `fold`), in any case as LIKE reads it,
/// along the column's index: LIKE alone cannot use an index that is not NOCASE and reads
/// all of it (40,000 references for each word typed in the cases list). Every text that
/// begins with the word in any case lies between its upper-case spelling and its
/// lower-case one followed by the last character.
pub(crate) fn begins_with(column: &str, word: &str) -> (String, [Value; 3]) {
    (
        format!("({column} >= ? AND {column} < ? AND {column} LIKE ? || '%' ESCAPE '\\')"),
        [
            Value::Text(word.to_ascii_uppercase()),
            Value::Text(format!("{}{}", word.to_ascii_lowercase(), char::MAX)),
            Value::Text(escaped(word)),
        ],
    )
}
