//! The audit trail is chained: rows written through the core verify, the database itself
//! refuses to rewrite or delete them, and a rewrite made behind its back (triggers dropped,
//! as anyone with the `sqlite3` tool could) is found by the verifier, every time.

mod common;

use jalons_core::Store;
use jalons_core::paging::PageRequest;
use jalons_core::store::chain;

fn store_on_disk(dir: &std::path::Path) -> (Store, std::path::PathBuf) {
    let path = dir.join("jalons.sqlite");
    let mut s = Store::open(&path, &common::key()).unwrap();
    s.set_user_name("Camille Martin").unwrap();
    (s, path)
}

#[test]
fn writes_are_chained_and_the_database_refuses_to_rewrite_them() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, path) = store_on_disk(dir.path());
    let id = common::structure(&mut s, "Compagnie du Sillon");
    common::open_case(&mut s, &id, "2025-01-06");
    let report = s.verify().unwrap();
    assert!(report.is_sound(), "{:?}", report.lines());
    assert!(report.audit.rows >= 3, "{:?}", report.audit);
    assert!(report.lines().iter().any(|l| l.contains("chaîne intacte")), "{:?}", report.lines());
    drop(s);

    let raw = common::raw(&path);
    for sql in ["UPDATE audit_log SET actor = 'Quelqu''un d''autre'", "DELETE FROM audit_log"] {
        let e = raw.execute(sql, []).unwrap_err().to_string();
        assert!(e.contains("ne se modifie pas"), "{sql}: {e}");
    }
    // The erasure path: values redacted, hashes kept, the chain still whole.
    raw.execute("UPDATE audit_log SET actor = '', changes = '[]', redacted = 1 WHERE seq = 1", []).unwrap();
    assert_eq!(chain::check(&raw).unwrap().broken, None);
}

/// A small deterministic generator: the same tampering every run.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[test]
fn the_verifier_flags_every_random_rewrite_of_ten_thousand_rows() {
    const ROWS: usize = 10_000;
    let dir = tempfile::tempdir().unwrap();
    let (s, path) = store_on_disk(dir.path());
    drop(s);
    // Rows as a version before the chain wrote them; the next opening seals them in order.
    let mut raw = common::raw(&path);
    let tx = raw.transaction().unwrap();
    for i in 0..ROWS {
        tx.execute(
            "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes)
             VALUES (?1, ?2, 'Camille Martin', 'structure', ?3, 'update', ?4)",
            rusqlite::params![
                format!("row-{i:05}"),
                format!("2025-01-01T00:00:{:02}.{i:05}Z", i % 60),
                format!("s-{}", i % 97),
                format!(r#"[{{"field":"etp","from":{i},"to":{}}}]"#, i + 1)
            ],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    drop(raw);
    drop(Store::open(&path, &common::key()).unwrap());
    let mut raw = common::raw(&path);
    let total: i64 = raw.query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get(0)).unwrap();
    assert!(total >= ROWS as i64);
    assert_eq!(chain::check(&raw).unwrap(), chain::ChainCheck { rows: total, broken: None });

    let columns =
        ["at", "actor", "entity", "entity_id", "action", "changes", "seq", "actor_hash", "changes_hash", "hash"];
    let mut dice = Dice(0x2545_f491_4f6c_dd1d);
    let (mut tried, mut flagged) = (0, 0);
    for round in 0..100 {
        let tx = raw.transaction().unwrap();
        tx.execute_batch("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;").unwrap();
        let seq = 1 + dice.below(total as usize) as i64;
        let changed = if round % 2 == 0 {
            let column = columns[dice.below(columns.len())];
            let value = if column == "seq" { "1000000".to_owned() } else { format!("altéré {round}") };
            // The hashes are bytes (a STRICT table takes nothing else in them).
            let value_sql = if column.ends_with("hash") { "CAST(?1 AS BLOB)" } else { "?1" };
            tx.execute(
                &format!("UPDATE audit_log SET {column} = {value_sql} WHERE seq = ?2"),
                rusqlite::params![value, seq],
            )
            .unwrap()
        } else {
            tx.execute("DELETE FROM audit_log WHERE seq = ?1", [seq]).unwrap()
        };
        assert_eq!(changed, 1);
        tried += 1;
        if chain::check(&tx).unwrap().broken.is_some() {
            flagged += 1;
        }
        tx.rollback().unwrap();
    }
    assert_eq!((tried, flagged), (100, 100), "every rewrite is found");
    let last = raw.transaction().unwrap();
    last.execute_batch("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > 9990;").unwrap();
    let found = chain::check(&last).unwrap().broken.unwrap();
    assert!(found.contains("dernières lignes ont été retirées"), "{found}");
}

#[test]
fn long_changes_are_stored_deflated_read_back_whole_and_still_guarded() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, path) = store_on_disk(dir.path());
    let id = common::structure(&mut s, "Compagnie du Sillon");
    let created = s.structure_history(&id, PageRequest::LARGEST).unwrap().rows.pop().unwrap();
    assert_eq!(created.action, "create");
    assert!(created.changes.iter().any(|c| c.field == "name" && c.to == "Compagnie du Sillon"));
    drop(s);

    let raw = common::raw(&path);
    let (text, deflated): (String, Vec<u8>) = raw
        .query_row(
            "SELECT changes, changes_deflated FROM audit_log WHERE entity_id = ?1 AND action = 'create'",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(text, "");
    assert!(!deflated.is_empty());
    assert_eq!(chain::check(&raw).unwrap().broken, None);
    let e = raw.execute("UPDATE audit_log SET changes_deflated = x'00' WHERE entity_id = ?1", [&id]).unwrap_err();
    assert!(e.to_string().contains("ne se modifie pas"), "{e}");

    // Behind the guard's back: another text beside the deflated one, or other bytes.
    for tamper in ["UPDATE audit_log SET changes = '[]'", "UPDATE audit_log SET changes_deflated = x'4b4c4a0600'"] {
        let mut raw = common::raw(&path);
        let tx = raw.transaction().unwrap();
        tx.execute_batch("DROP TRIGGER audit_log_no_update").unwrap();
        tx.execute(&format!("{tamper} WHERE entity_id = ?1 AND action = 'create'"), [&id]).unwrap();
        let broken = chain::check(&tx).unwrap().broken.unwrap();
        assert!(broken.contains("son contenu a été modifié"), "{tamper}: {broken}");
        tx.rollback().unwrap();
    }

    // An erasure redacts the row: its text replaced, its deflated form dropped.
    raw.execute(
        "UPDATE audit_log SET changes = '[]', changes_deflated = NULL, redacted = 1 WHERE entity_id = ?1",
        [&id],
    )
    .unwrap();
    assert_eq!(chain::check(&raw).unwrap().broken, None);
}
