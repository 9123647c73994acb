//! A page of a list: the rows a screen shows and how many the whole list holds. Lists are
//! filtered, sorted and cut in the core, so that a window never receives, nor keeps, more
//! rows than it can show, whatever the size of the database.

use rusqlite::types::Value;
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Error, Result};

/// The most rows one call returns: a screenful several times over, far below what would
/// make a round trip felt.
pub const MAX_PAGE: u32 = 500;

/// Which rows of the sorted list: `limit` rows from position `offset` (0 is the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
pub struct PageRequest {
    pub offset: u32,
    pub limit: u32,
}

impl PageRequest {
    /// The most rows one call gives: the whole of a short list (tests, a small picker).
    pub const LARGEST: Self = Self::first(MAX_PAGE);

    /// The first rows, as a picker or a short list asks for them.
    pub const fn first(limit: u32) -> Self {
        Self { offset: 0, limit }
    }

    /// A limit of 1 to `MAX_PAGE`, refused on its field otherwise.
    pub fn checked(self) -> Result<Self> {
        if self.limit == 0 || self.limit > MAX_PAGE {
            return Err(Error::validation(
                "limit",
                format!("Une page compte de 1 à {MAX_PAGE} lignes (demandé\u{a0}: {}).", self.limit),
            ));
        }
        Ok(self)
    }

    /// The rows of this page out of a list already sorted in memory.
    pub fn cut<T>(self, rows: Vec<T>) -> Page<T> {
        let total = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        let rows = rows.into_iter().skip(self.offset as usize).take(self.limit as usize).collect();
        Page { rows, total, offset: self.offset }
    }
}

/// The rows asked for, where they start, and the count of the whole filtered list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub offset: u32,
    pub total: u32,
}

/// The WHERE of a list's conditions, all of them holding; none without conditions.
pub(crate) fn where_sql(clauses: &[String]) -> String {
    if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) }
}

/// A list read in SQL, page by page: `select` (its FROM included) filtered by `clauses`,
/// counted over `count_from` with the same clauses, sorted by `order` (whose last keys
/// must tell any two rows apart, so that pages never overlap).
pub(crate) struct SqlList<'a> {
    pub select: &'a str,
    pub count_from: &'a str,
    pub clauses: &'a [String],
    pub order: &'a str,
}

impl SqlList<'_> {
    pub fn read<T>(
        &self,
        conn: &Connection,
        mut params: Vec<Value>,
        page: PageRequest,
        row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Page<T>> {
        let page = page.checked()?;
        let total: u32 = conn.query_row(&self.count_sql(), rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
        params.push(Value::Integer(page.limit.into()));
        params.push(Value::Integer(page.offset.into()));
        let rows = conn
            .prepare_cached(&self.page_sql())?
            .query_map(rusqlite::params_from_iter(params), row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Page { rows, offset: page.offset, total })
    }

    pub fn count_sql(&self) -> String {
        format!("SELECT COUNT(*) {} {}", self.count_from, where_sql(self.clauses))
    }

    /// The page's query; its last two parameters are the limit and the offset.
    pub fn page_sql(&self) -> String {
        format!("{} {} ORDER BY {} LIMIT ? OFFSET ?", self.select, where_sql(self.clauses), self.order)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_outside_one_to_the_maximum_is_refused_on_its_field() {
        for limit in [0, MAX_PAGE + 1] {
            let e = PageRequest { offset: 0, limit }.checked().unwrap_err();
            assert_eq!(e.field.as_deref(), Some("limit"));
        }
        assert!(PageRequest { offset: 10_000, limit: MAX_PAGE }.checked().is_ok());
    }

    #[test]
    fn cut_keeps_the_total_and_the_rows_from_the_offset() {
        let page = PageRequest { offset: 8, limit: 5 }.cut((0..10).collect());
        assert_eq!((page.rows, page.offset, page.total), (vec![8, 9], 8, 10));
        assert!(PageRequest { offset: 20, limit: 5 }.cut((0..10).collect::<Vec<i32>>()).rows.is_empty());
    }
}
