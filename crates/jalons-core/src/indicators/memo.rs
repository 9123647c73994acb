//! The last period report counted, kept while nothing was written: each of the
//! Observatoire's filters (a territory, a sector) reads the same period's rows, which take
//! most of its time at a large DLA's scale. Nothing written means neither this connection
//! (its count of changes) nor another one (SQLite's `data_version`) committed since.

use std::sync::{Arc, Mutex, PoisonError};

use super::{Period, PeriodReport};
use crate::{Result, Store};

#[derive(Default)]
pub(crate) struct ReportMemo(Mutex<Option<(Key, Arc<PeriodReport>)>>);

#[derive(PartialEq)]
struct Key {
    period: Period,
    data_version: i64,
    own_changes: u64,
}

impl Store {
    pub(crate) fn remembered_report(&self, period: Period) -> Result<Arc<PeriodReport>> {
        let conn = self.conn();
        let key = Key {
            data_version: conn.pragma_query_value(None, "data_version", |r| r.get(0))?,
            own_changes: conn.total_changes(),
            period,
        };
        let mut memo = self.report_memo.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((kept, report)) = memo.as_ref()
            && *kept == key
        {
            return Ok(report.clone());
        }
        let report = Arc::new(self.report(key.period.clone())?);
        *memo = Some((key, report.clone()));
        Ok(report)
    }
}
