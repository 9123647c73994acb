//! The audit trail's hash chain (Dolibarr's BlockedLog): each row's hash covers its place,
//! its date, its author and changes (as hashes, so that an erasure may redact the values
//! and leave the chain whole), and the hash of the row before it. The last link is kept
//! apart (`audit_head`), so rows taken off the end are found missing too.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::Result;

/// A row's hashes as stored: 32 bytes (migration 0032).
type Digest32 = [u8; 32];

fn sha256(parts: &[&str]) -> Digest32 {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        // A separator no field holds, so that moving text from one field to the next changes the hash.
        h.update([0x1f]);
    }
    h.finalize().into()
}

/// The hex form a link's hash covers its parts' hashes in, as the chain has since it began.
fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

fn value_hash(value: &str) -> Digest32 {
    sha256(&[value])
}

struct Link<'a> {
    seq: i64,
    id: &'a str,
    at: &'a str,
    actor_hash: &'a [u8],
    entity: &'a str,
    entity_id: &'a str,
    action: &'a str,
    changes_hash: &'a [u8],
    /// The hash of the row before, in hex; empty for the first row.
    prev_hash: &'a str,
}

impl Link<'_> {
    fn hash(&self) -> Digest32 {
        let seq = self.seq.to_string();
        sha256(&[
            &seq,
            self.id,
            self.at,
            &hex(self.actor_hash),
            self.entity,
            self.entity_id,
            self.action,
            &hex(self.changes_hash),
            self.prev_hash,
        ])
    }
}

/// The chain's last link: its place and its hash in hex.
fn head(conn: &Connection) -> Result<(i64, String)> {
    Ok(conn
        .query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, String::new())))
}

/// One audit row as written: what the chain seals.
pub(crate) struct Entry {
    pub id: String,
    pub at: String,
    pub actor: String,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    pub changes: String,
}

impl Entry {
    /// Its seal as the `seq`-th row after `prev_hash` (hex): (actor hash, changes hash, hash).
    fn seal(&self, seq: i64, prev_hash: &str) -> (Digest32, Digest32, Digest32) {
        let (actor_hash, changes_hash) = (value_hash(&self.actor), value_hash(&self.changes));
        let hash = Link {
            seq,
            id: &self.id,
            at: &self.at,
            actor_hash: &actor_hash,
            entity: &self.entity,
            entity_id: &self.entity_id,
            action: &self.action,
            changes_hash: &changes_hash,
            prev_hash,
        }
        .hash();
        (actor_hash, changes_hash, hash)
    }
}

/// Writes one row at the end of the chain.
pub(crate) fn append(conn: &Connection, e: &Entry) -> Result<()> {
    let (last, prev_hash) = head(conn)?;
    let seq = last + 1;
    let (actor_hash, changes_hash, hash) = e.seal(seq, &prev_hash);
    let (changes, deflated) = super::changes_text::pack(&e.changes);
    conn.execute(
        "INSERT INTO audit_log (seq, id, at, actor, entity, entity_id, action, changes, changes_deflated, actor_hash,
                                changes_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            seq,
            e.id,
            e.at,
            e.actor,
            e.entity,
            e.entity_id,
            e.action,
            changes,
            deflated,
            actor_hash,
            changes_hash,
            hash
        ],
    )?;
    Ok(())
}

/// Seals the rows written after the chain's last link by a version before it, in the order
/// they were written (their place, given by migration 0032). A row without a hash before
/// the last link is not sealed: the check reports it.
pub(crate) fn seal_unsealed(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let (mut last, mut prev_hash) = head(&tx)?;
    let rows: Vec<(i64, Entry)> = tx
        .prepare(
            "SELECT seq, id, at, actor, entity, entity_id, action, changes, changes_deflated FROM audit_log
             WHERE hash IS NULL AND seq > ?1 ORDER BY seq",
        )?
        .query_map([last], |r| {
            Ok((
                r.get(0)?,
                Entry {
                    id: r.get(1)?,
                    at: r.get(2)?,
                    actor: r.get(3)?,
                    entity: r.get(4)?,
                    entity_id: r.get(5)?,
                    action: r.get(6)?,
                    // Unreadable changes seal as empty, and the check then finds them altered.
                    changes: super::changes_text::read(r, 7)?.unwrap_or_default().into_owned(),
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (seq, e) in rows {
        // Rows follow the last link one after the other; one missing is the check's to report.
        if seq != last + 1 {
            break;
        }
        let (actor_hash, changes_hash, hash) = e.seal(seq, &prev_hash);
        tx.execute(
            "UPDATE audit_log SET actor_hash = ?2, changes_hash = ?3, hash = ?4 WHERE seq = ?1",
            params![seq, actor_hash, changes_hash, hash],
        )?;
        (last, prev_hash) = (seq, hex(&hash));
    }
    Ok(tx.commit()?)
}

/// What the check of the chain found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ChainCheck {
    pub rows: i64,
    /// Where and why the chain is broken, in French, read after « Chaîne »: « rompue à la
    /// ligne n° 42 (du 01/03/2025) : son contenu a été modifié »; none when it is whole.
    pub broken: Option<String>,
}

/// A text column read without a copy: the trail may hold hundreds of thousands of rows.
fn borrowed<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    let v = r.get_ref(i)?;
    v.as_str_or_null()
        .map(Option::unwrap_or_default)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, v.data_type(), Box::new(e)))
}

/// A hash column read without a copy: the trail may hold hundreds of thousands of rows.
/// Anything but a blob (an alteration) reads as no hash.
fn stored_hash<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'r [u8]> {
    Ok(r.get_ref(i)?.as_blob_or_null().ok().flatten().unwrap_or_default())
}

/// Walks the chain from its first row to the head and stops at the first broken link.
pub fn check(conn: &Connection) -> Result<ChainCheck> {
    let mut stmt = conn.prepare(
        "SELECT seq, id, at, actor, entity, entity_id, action, changes, changes_deflated, actor_hash, changes_hash,
                hash, redacted
         FROM audit_log ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let (mut expected_seq, mut prev) = (1_i64, String::new());
    let mut count = 0;
    let broken = |seq: i64, at: &str, why: &str| {
        let day = at.get(..10).and_then(|d| d.parse::<chrono::NaiveDate>().ok());
        let when = day.map_or_else(|| at.to_owned(), |d| d.format("%d/%m/%Y").to_string());
        Some(format!("rompue à la ligne n°\u{a0}{seq} (du {when})\u{a0}: {why}"))
    };
    while let Some(r) = rows.next()? {
        count += 1;
        let seq: i64 = r.get(0)?;
        let str_at = |i: usize| borrowed(r, i);
        let at = str_at(2)?;
        if r.get_ref(11)?.data_type() == rusqlite::types::Type::Null {
            return Ok(ChainCheck { rows: count, broken: broken(seq, at, "une ligne n'est pas scellée") });
        }
        let (actor_hash, changes_hash, hash) = (stored_hash(r, 9)?, stored_hash(r, 10)?, stored_hash(r, 11)?);
        let redacted: bool = r.get(12)?;
        let changes_match = || -> rusqlite::Result<bool> {
            Ok(super::changes_text::read(r, 7)?.is_some_and(|changes| value_hash(&changes) == changes_hash))
        };
        let why = if seq != expected_seq {
            Some("une ou plusieurs lignes ont été retirées")
        } else if !redacted && (value_hash(str_at(3)?) != actor_hash || !changes_match()?) {
            Some("son contenu a été modifié")
        } else {
            let link = Link {
                seq,
                id: str_at(1)?,
                at,
                actor_hash,
                entity: str_at(4)?,
                entity_id: str_at(5)?,
                action: str_at(6)?,
                changes_hash,
                prev_hash: &prev,
            };
            (link.hash() != hash).then_some("son contenu a été modifié, ou celui d'une ligne précédente")
        };
        if let Some(why) = why {
            return Ok(ChainCheck { rows: count, broken: broken(seq, at, why) });
        }
        prev = hex(hash);
        expected_seq += 1;
    }
    let (head_seq, head_hash) = head(conn)?;
    if head_seq != expected_seq - 1 || head_hash != prev {
        return Ok(ChainCheck {
            rows: count,
            broken: Some(format!(
                "rompue à la fin\u{a0}: les dernières lignes ont été retirées (elle en comptait {}, il en reste {count})",
                head_seq
            )),
        });
    }
    Ok(ChainCheck { rows: count, broken: None })
}

impl crate::Store {
    /// The audit trail's chain walked from end to end: Paramètres shows the result.
    pub fn check_audit_chain(&self) -> Result<ChainCheck> {
        check(self.conn())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::migrations::{MIGRATIONS, migrate};

    /// A database at the schema just before the migration whose file contains `marker`.
    fn before(marker: &str) -> Connection {
        let conn = crate::store::bare_connection();
        let at = MIGRATIONS.iter().position(|m| m.contains(marker)).unwrap();
        for (i, sql) in MIGRATIONS[..at].iter().enumerate() {
            conn.execute_batch(sql).unwrap();
            conn.pragma_update(None, "user_version", i64::try_from(i + 1).unwrap()).unwrap();
        }
        conn
    }

    fn entry(i: usize, at: &str) -> Entry {
        Entry {
            id: format!("0190a5a0-0000-7000-8000-00000000000{i}"),
            at: at.to_owned(),
            actor: "Camille Martin".to_owned(),
            entity: "structure".to_owned(),
            entity_id: "s".to_owned(),
            action: "update".to_owned(),
            changes: format!(r#"[{{"field":"etp","from":{i},"to":{}}}]"#, i + 1),
        }
    }

    /// Rows as schema 31 wrote them: hashes in hex, each row holding the previous one's.
    /// `tamper` replaces the hash of that row by text that is not hex.
    fn trail_of_schema_31(tamper: Option<i64>) -> Connection {
        let conn = before("audit_log_compact");
        let mut prev = String::new();
        for seq in 1..=3_i64 {
            let e = entry(usize::try_from(seq).unwrap(), &format!("2026-03-0{seq}T10:00:00Z"));
            let (actor_hash, changes_hash, hash) = e.seal(seq, &prev);
            let stored = if tamper == Some(seq) { "pas un condensat".to_owned() } else { hex(&hash) };
            conn.execute(
                "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes, seq, actor_hash, changes_hash,
                                        prev_hash, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    e.id,
                    e.at,
                    e.actor,
                    e.entity,
                    e.entity_id,
                    e.action,
                    e.changes,
                    seq,
                    hex(&actor_hash),
                    hex(&changes_hash),
                    prev,
                    stored
                ],
            )
            .unwrap();
            prev = hex(&hash);
        }
        conn
    }

    #[test]
    fn a_trail_of_hex_hashes_still_verifies_once_compacted_and_goes_on() {
        let mut conn = trail_of_schema_31(None);
        migrate(&mut conn).unwrap();
        let stored: (i64, i64) = conn
            .query_row("SELECT length(hash), length(actor_hash) FROM audit_log WHERE seq = 2", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(stored, (32, 32));
        assert_eq!(check(&conn).unwrap(), ChainCheck { rows: 3, broken: None });
        append(&conn, &entry(4, "2026-03-04T10:00:00Z")).unwrap();
        assert_eq!(check(&conn).unwrap(), ChainCheck { rows: 4, broken: None });
    }

    #[test]
    fn a_hash_altered_before_the_compaction_is_still_found_and_never_sealed_again() {
        let mut conn = trail_of_schema_31(Some(2));
        migrate(&mut conn).unwrap();
        seal_unsealed(&mut conn).unwrap();
        let broken = check(&conn).unwrap().broken.unwrap();
        assert!(
            broken.starts_with("rompue à la ligne n°\u{a0}2 (du 02/03/2026)\u{a0}: son contenu a été modifié"),
            "{broken}"
        );
    }

    #[test]
    fn rows_of_a_version_before_the_chain_take_their_place_in_the_order_written_and_are_sealed() {
        let mut conn = before("audit_head");
        // Written out of date order (a clock put back): the order of their dates decides.
        for (i, at) in [(1, "2024-05-02T09:00:00Z"), (2, "2024-05-01T09:00:00Z"), (3, "2024-05-03T09:00:00Z")] {
            let e = entry(i, at);
            conn.execute(
                "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![e.id, e.at, e.actor, e.entity, e.entity_id, e.action, e.changes],
            )
            .unwrap();
        }
        migrate(&mut conn).unwrap();
        seal_unsealed(&mut conn).unwrap();
        assert_eq!(check(&conn).unwrap(), ChainCheck { rows: 3, broken: None });
        let order: Vec<String> = conn
            .prepare("SELECT at FROM audit_log ORDER BY seq")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(order, ["2024-05-01T09:00:00Z", "2024-05-02T09:00:00Z", "2024-05-03T09:00:00Z"]);
    }
}
