//! From what the user typed to an FTS5 query, and running it group by group.

use rusqlite::params;

use super::hits::{Raw, describe};
use super::{SearchGroup, SearchKind, SearchResults};
use crate::{Result, Store};

/// Marks around matched words, from the private-use area so that no text contains them.
pub(crate) const OPEN: char = '\u{e000}';
pub(crate) const CLOSE: char = '\u{e001}';

/// `Théâtre du sill` → `{title body}: ("Théâtre"* AND "du"* AND "sill"*)`: every word must
/// match the start of a word of the title or the text. Words of one letter are left out (they
/// match nearly everything); None when nothing is left.
pub fn fts_query(typed: &str) -> Option<String> {
    let words: Vec<String> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| format!("{{title body}}: ({})", words.join(" AND ")))
}

/// The kinds of `search_index` behind each group (the journal has its own index).
fn sources(kind: SearchKind) -> &'static [&'static str] {
    match kind {
        SearchKind::Structure => &["structure"],
        SearchKind::Contact => &["contact"],
        SearchKind::Case => &["case"],
        SearchKind::Journal => &[],
        SearchKind::Diagnostic => &["diagnostic", "finding"],
        SearchKind::Engagement => &["engagement"],
        SearchKind::Consultant => &["consultant"],
    }
}

impl Store {
    /// The best `per_group` hits of each kind, best first (titles weigh ten times the text);
    /// journal entries, far more numerous, most recently written first, which FTS5 reads
    /// in index order and stops early.
    pub fn search(&self, typed: &str, per_group: usize) -> Result<SearchResults> {
        let mut groups = Vec::new();
        let Some(fts) = fts_query(typed) else {
            return Ok(SearchResults { query: typed.to_owned(), groups });
        };
        let limit = i64::try_from(per_group).unwrap_or(i64::MAX);
        let marks = format!("char({}), char({})", OPEN as u32, CLOSE as u32);
        let read = |r: &rusqlite::Row<'_>| {
            Ok(Raw { kind: r.get(0)?, record_id: r.get(1)?, extra: r.get(2)?, title: r.get(3)?, snippet: r.get(4)? })
        };
        for &kind in SearchKind::ALL {
            let raws: Vec<Raw> = if kind == SearchKind::Journal {
                let mut stmt = self.conn().prepare_cached(&format!(
                    "SELECT 'journal', record_id, '', highlight(journal_index, 1, {marks}),
                            snippet(journal_index, 2, {marks}, '…', 14)
                     FROM journal_index WHERE journal_index MATCH ?1 ORDER BY rowid DESC LIMIT ?2"
                ))?;
                stmt.query_map(params![fts, limit], read)?.collect::<rusqlite::Result<_>>()?
            } else {
                let mut stmt = self.conn().prepare_cached(&format!(
                    "SELECT kind, record_id, extra, highlight(search_index, 3, {marks}),
                            snippet(search_index, 4, {marks}, '…', 14)
                     FROM search_index WHERE search_index MATCH ?1
                     ORDER BY bm25(search_index, 0.0, 0.0, 0.0, 10.0, 1.0) LIMIT ?2"
                ))?;
                let kinds = sources(kind).iter().map(|k| format!("kind:\"{k}\"")).collect::<Vec<_>>().join(" OR ");
                stmt.query_map(params![format!("({kinds}) AND {fts}"), limit], read)?
                    .collect::<rusqlite::Result<_>>()?
            };
            if raws.is_empty() {
                continue;
            }
            let hits = raws.into_iter().map(|raw| describe(self.conn(), raw)).collect::<Result<Vec<_>>>()?;
            groups.push(SearchGroup { kind, hits: hits.into_iter().flatten().collect() });
        }
        Ok(SearchResults { query: typed.to_owned(), groups })
    }

    /// Refills the indexes from the records, for a database whose rowids may have moved
    /// (VACUUM renumbers them, and the index finds its rows by them). Touching every row
    /// lets the triggers of migration 0009 stay the one definition of what is indexed; the
    /// journal's index reads its text from its view (migration 0021) and rebuilds from it.
    pub fn rebuild_search_index(&mut self) -> Result<()> {
        self.write(|w| {
            w.tx.execute_batch(
                "DELETE FROM search_index;
                 INSERT INTO journal_index (journal_index) VALUES ('rebuild');
                 UPDATE structures SET name = name;
                 UPDATE contacts SET name = name;
                 UPDATE cases SET reference = reference;
                 UPDATE diagnostics SET author = author;
                 UPDATE diagnostic_scores SET priority = priority;
                 UPDATE engagements SET title = title;
                 UPDATE consultants SET name = name;",
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn every_word_is_a_prefix_and_one_letter_words_are_dropped() {
        assert_eq!(fts_query("theatre sill").unwrap(), r#"{title body}: ("theatre"* AND "sill"*)"#);
        assert_eq!(fts_query("l'Échelle").unwrap(), r#"{title body}: ("Échelle"*)"#);
        assert_eq!(fts_query(r#"a "OR" ) *"#).unwrap(), r#"{title body}: ("OR"*)"#);
        assert_eq!(fts_query(" - ' "), None);
    }
}
