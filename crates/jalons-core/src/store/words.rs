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
    fold(typed)
        .split_whitespace()
        .map(|word| Value::Text(word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")))
        .collect()
}
