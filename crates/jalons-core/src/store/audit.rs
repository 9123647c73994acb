//! The audit trail: every write records who changed which record, when, and each field's
//! value before and after, in the same transaction as the change itself.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::Result;
use crate::ids::new_id;
use crate::paging::{Page, PageRequest, SqlList};
use crate::store::WriteCtx;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    pub field: String,
    #[ts(type = "unknown")]
    pub from: Value,
    #[ts(type = "unknown")]
    pub to: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AuditEntry {
    /// What was written: `case`, `diagnostic`, `plan`... A case's history gathers several.
    pub entity: String,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub changes: Vec<FieldChange>,
}

/// Fields that change on every write and say nothing to a reader of the history.
const NOISE: &[&str] = &["updated_at", "search_name", "budget_band", "headcount_band"];

fn as_object(v: Option<&Value>) -> Map<String, Value> {
    v.and_then(Value::as_object).cloned().unwrap_or_default()
}

/// Field-by-field difference of two JSON snapshots of a record.
pub fn diff(before: Option<&Value>, after: Option<&Value>) -> Vec<FieldChange> {
    let (b, a) = (as_object(before), as_object(after));
    let mut keys: Vec<&String> = b.keys().chain(a.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| !NOISE.contains(&k.as_str()))
        .filter_map(|k| {
            let from = b.get(k).cloned().unwrap_or(Value::Null);
            let to = a.get(k).cloned().unwrap_or(Value::Null);
            (from != to).then(|| FieldChange { field: k.clone(), from, to })
        })
        .collect()
}

/// Writes one audit row; skipped for an update that changed nothing.
pub fn record(
    w: &WriteCtx<'_>,
    actor: &str,
    entity: &str,
    entity_id: &str,
    action: &str,
    before: Option<&Value>,
    after: Option<&Value>,
) -> Result<()> {
    let changes = diff(before, after);
    if changes.is_empty() && action == "update" {
        return Ok(());
    }
    super::chain::append(
        &w.tx,
        &super::chain::Entry {
            id: new_id(),
            at: w.now.clone(),
            actor: actor.to_owned(),
            entity: entity.to_owned(),
            entity_id: entity_id.to_owned(),
            action: action.to_owned(),
            changes: serde_json::to_string(&changes)?,
        },
    )
}

/// One page of the changes of one record, newest first, across the entities that share
/// its id (a case and its diagnostic, parcours and follow-up): years of edits are read a
/// page at a time.
pub fn history(conn: &Connection, entities: &[&str], entity_id: &str, page: PageRequest) -> Result<Page<AuditEntry>> {
    let placeholders = vec!["?"; entities.len()].join(", ");
    let clauses = [format!("entity_id = ? AND entity IN ({placeholders})")];
    let params = std::iter::once(entity_id)
        .chain(entities.iter().copied())
        .map(|v| rusqlite::types::Value::Text(v.to_owned()))
        .collect();
    let list = SqlList {
        select: "SELECT entity, at, actor, action, changes, changes_deflated FROM audit_log",
        count_from: "FROM audit_log",
        clauses: &clauses,
        order: "seq DESC",
    };
    let page = list.read(conn, params, page, |r| {
        let changes = super::changes_text::read(r, 4)?.map(std::borrow::Cow::into_owned);
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, changes))
    })?;
    let rows = page
        .rows
        .into_iter()
        .map(|(entity, at, actor, action, changes)| {
            let changes: String = changes.ok_or_else(|| {
                crate::Error::new(
                    crate::ErrorCode::Damaged,
                    "Une ligne de l'historique a été modifiée hors de Jalons et ne se lit plus\u{a0}: \
                     Paramètres › Journal des modifications dit laquelle.",
                )
            })?;
            Ok(AuditEntry { entity, at, actor, action, changes: serde_json::from_str(&changes)? })
        })
        .collect::<Result<_>>()?;
    Ok(Page { rows, offset: page.offset, total: page.total })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn diff_lists_changed_fields_only() {
        let before = json!({"name": "A", "etp": 100, "updated_at": "x"});
        let after = json!({"name": "B", "etp": 100, "updated_at": "y", "rna": "W123456789"});
        let d = diff(Some(&before), Some(&after));
        assert_eq!(
            d,
            vec![
                FieldChange { field: "name".into(), from: json!("A"), to: json!("B") },
                FieldChange { field: "rna".into(), from: Value::Null, to: json!("W123456789") },
            ]
        );
    }

    #[test]
    fn creation_lists_every_set_field() {
        let d = diff(None, Some(&json!({"name": "A", "acronym": null})));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].field, "name");
    }
}
