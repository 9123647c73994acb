//! The accent-free word search the lists share: every typed word must appear in a
//! `search_name` column (kept folded by each record's writer), `%` and `_` taken as typed.

use rusqlite::types::Value;

use crate::values::fold;

pub(crate) fn every_word_in(column: &str, typed: &str, clauses: &mut Vec<String>, params: &mut Vec<Value>) {
    for word in fold(typed).split_whitespace() {
        clauses.push(format!("{column} LIKE '%' || ? || '%' ESCAPE '\\'"));
        params.push(Value::Text(word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")));
    }
}
