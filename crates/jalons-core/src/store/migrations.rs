//! Forward-only, plain-SQL migrations tracked by `PRAGMA user_version`. Each file runs
//! once, in its own transaction, in order; a database newer than this build is refused.

use rusqlite::{Connection, TransactionBehavior};

use super::opening::APPLICATION_ID;

use crate::{Error, Result};

/// Add a file here to change the schema; never edit one that has shipped.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_workflow.sql"),
    include_str!("migrations/0003_employer.sql"),
    include_str!("migrations/0004_finance.sql"),
    include_str!("migrations/0005_partners.sql"),
    include_str!("migrations/0006_cooperation.sql"),
    include_str!("migrations/0007_training.sql"),
    include_str!("migrations/0008_journal.sql"),
    include_str!("migrations/0009_search.sql"),
    include_str!("migrations/0010_tasks.sql"),
    include_str!("migrations/0011_attachments.sql"),
    include_str!("migrations/0012_funders.sql"),
    include_str!("migrations/0013_file_hashes.sql"),
    include_str!("migrations/0014_search_cases_by_structure.sql"),
    include_str!("migrations/0015_links.sql"),
    include_str!("migrations/0016_audit_chain.sql"),
    include_str!("migrations/0017_lawful_basis_dates.sql"),
    include_str!("migrations/0018_erasure.sql"),
    include_str!("migrations/0019_list_indexes.sql"),
    include_str!("migrations/0020_more_list_indexes.sql"),
    include_str!("migrations/0021_journal_index_lighter.sql"),
    include_str!("migrations/0022_audit_changes_deflated.sql"),
    include_str!("migrations/0023_cases_stage_since.sql"),
    include_str!("migrations/0024_engagement_search.sql"),
    include_str!("migrations/0025_structures_sort_name.sql"),
    include_str!("migrations/0026_diagnostics_scored_domains.sql"),
    include_str!("migrations/0027_case_spans.sql"),
    include_str!("migrations/0028_commune_lists.sql"),
    include_str!("migrations/0029_search_indexes_by_column.sql"),
    include_str!("migrations/0030_cases_by_structure_and_request.sql"),
    include_str!("migrations/0031_referrals_by_day.sql"),
    include_str!("migrations/0032_audit_trail_compact.sql"),
    include_str!("migrations/0033_lighter_indexes.sql"),
    include_str!("migrations/0034_agenda_indexes.sql"),
];

pub fn schema_version(conn: &Connection) -> Result<usize> {
    let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(usize::try_from(v).unwrap_or(0))
}

/// Refuses a database made by a newer Jalons before anything is written to it.
pub fn check_not_newer(conn: &Connection) -> Result<()> {
    let current = schema_version(conn)?;
    if current > MIGRATIONS.len() {
        return Err(Error::conflict(
            None,
            format!(
                "Cette base a été créée par une version plus récente de Jalons (schéma {current}, cette version connaît le schéma {}). Mettez Jalons à jour.",
                MIGRATIONS.len()
            ),
        ));
    }
    Ok(())
}

/// Applies the missing migrations, each in its own transaction that takes the write lock
/// first and reads the version again inside it: two programs opening a new file at once
/// cannot both apply the same migration.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    check_not_newer(conn)?;
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = schema_version(&tx)?;
        if current >= MIGRATIONS.len() {
            check_not_newer(&tx)?;
            return Ok(tx.commit()?);
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.execute_batch(MIGRATIONS[current])?;
        tx.pragma_update(None, "user_version", i64::try_from(current + 1).unwrap_or(i64::MAX))?;
        tx.commit()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database at the schema just before the first migration `is_it` recognises.
    fn before_the_migration(is_it: impl Fn(&str) -> bool) -> Connection {
        let conn = crate::store::bare_connection();
        let at = MIGRATIONS.iter().position(|m| is_it(m)).unwrap();
        for (i, sql) in MIGRATIONS[..at].iter().enumerate() {
            conn.execute_batch(sql).unwrap();
            conn.pragma_update(None, "user_version", i64::try_from(i + 1).unwrap()).unwrap();
        }
        conn
    }

    /// A structure « Compagnie » (`s`) and its case `c`, 2020-001 requested 2020-01-06, at `stage`.
    fn a_case_at(conn: &Connection, stage: &str) {
        conn.execute(
            "INSERT INTO structures (id, name, search_name, legal_form, created_at, updated_at)
             VALUES ('s', 'Compagnie', 'compagnie', 'association', '2020-01-01', '2020-01-01')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO cases (id, reference, structure_id, stage, request_date, channel, requester, referral_source,
                                request_text, officer, created_at, updated_at)
             VALUES ('c', '2020-001', 's', ?1, '2020-01-06', 'phone', 'A', 'network', 'x', 'Camille', 't', 't')",
            [stage],
        )
        .unwrap();
    }

    #[test]
    fn migrates_an_empty_database_to_the_latest_schema() {
        let mut conn = crate::store::bare_connection();
        migrate(&mut conn).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), MIGRATIONS.len());
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for t in ["audit_log", "cases", "contacts", "settings", "structures"] {
            assert!(tables.contains(&t.to_owned()), "missing {t}");
        }
    }

    #[test]
    fn migrating_twice_is_a_no_op() {
        let mut conn = crate::store::bare_connection();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), MIGRATIONS.len());
    }

    #[test]
    fn cases_of_schema_1_get_their_opening_in_the_timeline() {
        let mut conn = crate::store::bare_connection();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO structures (id, name, search_name, legal_form, created_at, updated_at)
             VALUES ('s', 'Compagnie', 'compagnie', 'association', '2026-01-01', '2026-01-01');
             INSERT INTO cases (id, reference, structure_id, stage, request_date, channel, requester, referral_source,
                                request_text, officer, created_at, updated_at)
             VALUES ('c', '2026-001', 's', 'intake', '2026-01-05', 'phone', 'A', 'network', 'x', 'Camille', 't', 't');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let (id, to, on, author): (String, String, String, String) = conn
            .query_row("SELECT id, to_stage, on_date, author FROM case_events WHERE case_id = 'c'", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap();
        assert_eq!((to.as_str(), on.as_str(), author.as_str()), ("intake", "2026-01-05", "Camille"));
        assert_eq!(uuid::Uuid::parse_str(&id).unwrap().get_version_num(), 7);
    }

    #[test]
    fn cases_of_schema_22_get_the_day_of_their_stage_from_the_timeline() {
        let mut conn = before_the_migration(|m| m.contains("stage_since"));
        a_case_at(&conn, "abandoned");
        conn.execute_batch(
            "INSERT INTO case_events (id, case_id, from_stage, to_stage, on_date, author, recorded_at) VALUES
                 ('e3', 'c', 'abandoned', 'intake', '2021-03-01', 'Camille', 't3'),
                 ('e2', 'c', 'intake', 'abandoned', '2020-02-10', 'Camille', 't2'),
                 ('e4', 'c', 'intake', 'abandoned', '2021-04-15', 'Camille', 't4');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let since: String = conn.query_row("SELECT stage_since FROM cases WHERE id = 'c'", [], |r| r.get(0)).unwrap();
        assert_eq!(since, "2021-04-15");
        conn.execute_batch(
            "UPDATE cases SET stage = 'intake' WHERE id = 'c';
             INSERT INTO case_events (id, case_id, from_stage, to_stage, on_date, author, recorded_at)
             VALUES ('e5', 'c', 'abandoned', 'intake', '2022-09-01', 'Camille', 't5');",
        )
        .unwrap();
        let since: String = conn.query_row("SELECT stage_since FROM cases WHERE id = 'c'", [], |r| r.get(0)).unwrap();
        assert_eq!(since, "2022-09-01", "kept by the triggers whoever writes");
    }

    #[test]
    fn structures_and_ingenieries_of_schema_23_get_their_folded_name_and_search_line() {
        let mut conn = before_the_migration(|m| m.contains("engagement_search_source"));
        conn.execute_batch(
            "INSERT INTO structures (id, name, search_name, legal_form, created_at, updated_at)
             VALUES ('s', 'Écume des Jours', 'ecume des jours die', 'association', '2020-01-01', '2020-01-01');
             INSERT INTO cases (id, reference, structure_id, stage, request_date, channel, requester, referral_source,
                                request_text, officer, created_at, updated_at)
             VALUES ('c', '2020-001', 's', 'plan', '2020-01-06', 'phone', 'A', 'network', 'x', 'Camille', 't', 't');
             INSERT INTO engagements (id, title, theme, mode, created_at, updated_at)
             VALUES ('e', 'Modèle ÉCONOMIQUE', 'finance', 'individual', 't', 't');
             INSERT INTO engagement_cases (engagement_id, case_id) VALUES ('e', 'c');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, String>(0)).unwrap();
        assert_eq!(read("SELECT sort_name FROM structures"), "ecume des jours");
        assert_eq!(
            read("SELECT text FROM engagement_search WHERE engagement_id = 'e'"),
            "modele economique ecume des jours die"
        );
    }

    #[test]
    fn diagnostics_of_schema_25_get_their_scored_domains_kept_whoever_writes() {
        let mut conn = before_the_migration(|m| m.contains("scored_domains"));
        a_case_at(&conn, "diagnostic");
        conn.execute_batch(
            "INSERT INTO cases (id, reference, structure_id, stage, request_date, channel, requester, referral_source,
                                request_text, officer, created_at, updated_at)
             VALUES ('k', '2020-002', 's', 'diagnostic', '2020-01-07', 'phone', 'A', 'network', 'x', 'Camille', 't', 't');
             INSERT INTO diagnostics (case_id, author, updated_at) VALUES ('c', 'Camille', 't'), ('k', 'Camille', 't');
             INSERT INTO diagnostic_scores (case_id, domain, score) VALUES
                 ('c', 'governance', 2), ('c', 'finance', NULL), ('c', 'employer', 0), ('k', 'governance', 1);",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let scored = |conn: &Connection| -> Vec<(String, i64)> {
            conn.prepare("SELECT case_id, scored_domains FROM diagnostics ORDER BY case_id")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        assert_eq!(scored(&conn), [("c".to_owned(), 2), ("k".to_owned(), 1)]);
        conn.execute_batch(
            "UPDATE diagnostic_scores SET score = 3 WHERE case_id = 'c' AND domain = 'finance';
             INSERT INTO diagnostic_scores (case_id, domain, score) VALUES ('k', 'finance', NULL), ('k', 'training', 2);
             UPDATE diagnostic_scores SET case_id = 'k' WHERE case_id = 'c' AND domain = 'employer';
             DELETE FROM diagnostic_scores WHERE case_id = 'k' AND domain = 'governance';",
        )
        .unwrap();
        assert_eq!(scored(&conn), [("c".to_owned(), 2), ("k".to_owned(), 2)], "kept by the triggers");
        let found: i64 =
            conn.query_row("SELECT COUNT(*) FROM search_index WHERE kind = 'diagnostic'", [], |r| r.get(0)).unwrap();
        assert_eq!(found, 2, "the search rows stay one per diagnostic");
    }

    #[test]
    fn typed_funders_of_schema_11_become_funder_lines() {
        let mut conn = before_the_migration(|m| m.contains("CREATE TABLE funders"));
        conn.execute_batch(
            "INSERT INTO engagements (id, title, theme, mode, funder, created_at, updated_at) VALUES
                 ('a', 'A', 'finance', 'individual', 'État (DREETS)', 't', 't'),
                 ('b', 'B', 'finance', 'individual', 'État (DREETS)', 't', 't'),
                 ('c', 'C', 'finance', 'individual', 'Région', 't', 't'),
                 ('d', 'D', 'finance', 'individual', NULL, 't', 't');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let lines: Vec<(String, String, i64)> = conn
            .prepare(
                "SELECT f.id, f.name, COUNT(e.id) FROM funders f LEFT JOIN engagements e ON e.funder_id = f.id
                 GROUP BY f.id ORDER BY f.name",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            lines.iter().map(|l| (l.1.as_str(), l.2)).collect::<Vec<_>>(),
            [("Région", 1), ("État (DREETS)", 2)]
        );
        assert!(lines.iter().all(|l| uuid::Uuid::parse_str(&l.0).unwrap().get_version_num() == 7));
    }

    #[test]
    fn findings_of_schema_28_stay_found_and_empty_ones_leave_the_index() {
        let mut conn = before_the_migration(|m| m.contains("detail = column"));
        a_case_at(&conn, "diagnostic");
        conn.execute_batch(
            "INSERT INTO diagnostics (case_id, problem_statement, author, updated_at)
                 VALUES ('c', 'Trésorerie tendue', 'Camille', 't');
             INSERT INTO diagnostic_scores (case_id, domain, score, finding) VALUES
                 ('c', 'governance', 2, 'Bureau renouvelé'), ('c', 'finance', 1, NULL), ('c', 'employer', 0, '');
             INSERT INTO journal_entries (id, structure_id, kind, occurred_on, place, body, created_at, updated_at)
                 VALUES ('j', 's', 'meeting', '2020-02-01', 'Mairie de Die', 'Échange sur la répétition', 't', 't');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let found = |conn: &Connection, index: &str, query: &str| -> Vec<String> {
            let id = if index == "journal_index" { "record_id" } else { "extra || record_id" };
            conn.prepare(&format!(
                "SELECT {id} || ': ' || snippet({index}, -1, '[', ']', '…', 8)
                 FROM {index} WHERE {index} MATCH ?1 ORDER BY rowid"
            ))
            .unwrap()
            .query_map([query], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
        };
        let search = |conn: &Connection, q: &str| found(conn, "search_index", q);
        assert_eq!(search(&conn, r#"{title body}: ("renouv"*)"#), ["governancec: Bureau [renouvelé]"]);
        assert_eq!(search(&conn, r#"{title body}: ("treso"* AND "tendue"*)"#), ["c: [Trésorerie] [tendue]"]);
        assert_eq!(found(&conn, "journal_index", r#"{title body}: ("repet"*)"#), ["j: Échange sur la [répétition]"]);
        let findings = |conn: &Connection| -> i64 {
            conn.query_row("SELECT COUNT(*) FROM search_index WHERE kind = 'finding'", [], |r| r.get(0)).unwrap()
        };
        assert_eq!(findings(&conn), 1, "the two domains without a finding are not indexed");
        conn.execute_batch(
            "UPDATE diagnostic_scores SET finding = 'Plan de trésorerie absent' WHERE domain = 'finance';
             UPDATE diagnostic_scores SET finding = '' WHERE domain = 'governance';
             INSERT INTO diagnostic_scores (case_id, domain, score, finding) VALUES ('c', 'training', 1, NULL);",
        )
        .unwrap();
        assert_eq!(findings(&conn), 1, "kept by the triggers");
        assert_eq!(search(&conn, r#"{title body}: ("absent"*)"#), ["financec: Plan de trésorerie [absent]"]);
        assert!(search(&conn, r#"{title body}: ("renouv"*)"#).is_empty());
        let secure: Vec<i64> = ["search_index", "journal_index"]
            .iter()
            .map(|t| {
                conn.query_row(&format!("SELECT v FROM {t}_config WHERE k = 'secure-delete'"), [], |r| r.get(0))
                    .unwrap()
            })
            .collect();
        assert_eq!(secure, [1, 1], "an erased person's words still leave both indexes at once");
    }

    #[test]
    fn refuses_a_newer_database() {
        let mut conn = crate::store::bare_connection();
        conn.pragma_update(None, "user_version", 999).unwrap();
        let e = migrate(&mut conn).unwrap_err();
        assert!(e.message.contains("plus récente"));
    }

    #[test]
    fn cases_of_schema_26_get_the_spans_they_were_open_kept_whoever_writes() {
        let mut conn = before_the_migration(|m| m.contains("case_spans"));
        a_case_at(&conn, "closed");
        conn.execute_batch(
            "INSERT INTO case_events (id, case_id, from_stage, to_stage, on_date, author, recorded_at) VALUES
                 ('e1', 'c', NULL, 'intake', '2020-01-06', 'Camille', 't1'),
                 ('e2', 'c', 'intake', 'diagnostic', '2020-02-01', 'Camille', 't2'),
                 ('e3', 'c', 'diagnostic', 'abandoned', '2020-05-10', 'Camille', 't3'),
                 ('e4', 'c', 'abandoned', 'diagnostic', '2021-03-01', 'Camille', 't4'),
                 ('e5', 'c', 'diagnostic', 'closed', '2021-03-01', 'Camille', 't5');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let spans = |conn: &Connection| -> Vec<(String, Option<String>)> {
            conn.prepare("SELECT opened_on, closed_on FROM case_spans WHERE case_id = 'c' ORDER BY opened_on")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let span = |from: &str, to: Option<&str>| (from.to_owned(), to.map(str::to_owned));
        assert_eq!(
            spans(&conn),
            [span("2020-01-06", Some("2020-05-10")), span("2021-03-01", Some("2021-03-01"))],
            "reopened and closed the same day: open that day"
        );
        conn.execute_batch(
            "INSERT INTO case_events (id, case_id, from_stage, to_stage, on_date, author, recorded_at)
             VALUES ('e6', 'c', 'closed', 'follow_up', '2022-09-01', 'Camille', 't6');",
        )
        .unwrap();
        assert_eq!(spans(&conn).last(), Some(&span("2022-09-01", None)), "kept by the triggers");
        conn.execute_batch("DELETE FROM case_events WHERE id IN ('e6', 'e5', 'e4')").unwrap();
        assert_eq!(spans(&conn), [span("2020-01-06", Some("2020-05-10"))]);
        conn.execute_batch("DELETE FROM case_events").unwrap();
        assert!(spans(&conn).is_empty());
    }

    #[test]
    fn the_lighter_indexes_of_schema_33_serve_the_queries_of_the_heavier_ones() {
        let mut conn = crate::store::bare_connection();
        migrate(&mut conn).unwrap();
        let plan = |sql: &str| crate::store::query_plan(&conn, sql, &[]);
        assert!(
            plan("SELECT id FROM journal_entries WHERE case_id = 'c' ORDER BY occurred_on")
                .contains("journal_entries_case")
        );
        assert!(
            plan("SELECT id FROM journal_entries WHERE case_id IN (SELECT id FROM cases)")
                .contains("journal_entries_case")
        );
        assert!(
            plan("SELECT id FROM case_events WHERE case_id = 'c' ORDER BY recorded_at")
                .contains("case_events_case_day")
        );
        let history = plan(
            "SELECT id FROM audit_log WHERE entity_id = 'c' AND entity IN ('case', 'diagnostic') ORDER BY seq DESC",
        );
        assert!(history.contains("audit_log_record") && !history.contains("TEMP B-TREE"), "{history}");
        assert!(
            plan("UPDATE audit_log SET redacted = 1 WHERE entity_id IN (SELECT value FROM json_each('[]'))")
                .contains("audit_log_record")
        );
    }
}
