//! The audit trail's hash chain (Dolibarr's BlockedLog): each row's hash covers its place,
//! its date, its author and changes (as hashes, so that an erasure may redact the values
//! and leave the chain whole), and the hash of the row before it. The last link is kept
//! apart (`audit_head`), so rows taken off the end are found missing too.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::Result;

fn sha256(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        // A separator no field holds, so that moving text from one field to the next changes the hash.
        h.update([0x1f]);
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in h.finalize() {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

pub(crate) fn value_hash(value: &str) -> String {
    sha256(&[value])
}

struct Link<'a> {
    seq: i64,
    id: &'a str,
    at: &'a str,
    actor_hash: &'a str,
    entity: &'a str,
    entity_id: &'a str,
    action: &'a str,
    changes_hash: &'a str,
    prev_hash: &'a str,
}

impl Link<'_> {
    fn hash(&self) -> String {
        let seq = self.seq.to_string();
        sha256(&[
            &seq,
            self.id,
            self.at,
            self.actor_hash,
            self.entity,
            self.entity_id,
            self.action,
            self.changes_hash,
            self.prev_hash,
        ])
    }
}

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
    /// Its seal as the `seq`-th row after `prev_hash`: (actor hash, changes hash, hash).
    fn seal(&self, seq: i64, prev_hash: &str) -> (String, String, String) {
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
        "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes, changes_deflated, seq, actor_hash,
                                changes_hash, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            e.id,
            e.at,
            e.actor,
            e.entity,
            e.entity_id,
            e.action,
            changes,
            deflated,
            seq,
            actor_hash,
            changes_hash,
            prev_hash,
            hash
        ],
    )?;
    Ok(())
}

/// Chains the rows written before the chain existed, in the order they were written.
pub(crate) fn seal_unsealed(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let rows: Vec<(i64, Entry)> = tx
        .prepare(
            "SELECT rowid, id, at, actor, entity, entity_id, action, changes, changes_deflated FROM audit_log
             WHERE hash IS NULL ORDER BY at, rowid",
        )?
        .query_map([], |r| {
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
    let (mut seq, mut prev_hash) = head(&tx)?;
    for (rowid, e) in rows {
        seq += 1;
        let (actor_hash, changes_hash, hash) = e.seal(seq, &prev_hash);
        tx.execute(
            "UPDATE audit_log SET seq = ?2, actor_hash = ?3, changes_hash = ?4, prev_hash = ?5, hash = ?6 WHERE rowid = ?1",
            params![rowid, seq, actor_hash, changes_hash, prev_hash, hash],
        )?;
        prev_hash = hash;
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

/// Walks the chain from its first row to the head and stops at the first broken link.
pub fn check(conn: &Connection) -> Result<ChainCheck> {
    let mut stmt = conn.prepare(
        "SELECT seq, id, at, actor, entity, entity_id, action, changes, changes_deflated, actor_hash, changes_hash,
                prev_hash, hash, redacted
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
        let seq: Option<i64> = r.get(0)?;
        let str_at = |i: usize| borrowed(r, i);
        let at = str_at(2)?;
        let Some(seq) = seq else {
            return Ok(ChainCheck { rows: count, broken: broken(expected_seq, at, "une ligne n'est pas scellée") });
        };
        let (actor_hash, changes_hash, prev_hash, hash) = (str_at(9)?, str_at(10)?, str_at(11)?, str_at(12)?);
        let redacted: bool = r.get(13)?;
        let changes_match = || -> rusqlite::Result<bool> {
            Ok(super::changes_text::read(r, 7)?.is_some_and(|changes| value_hash(&changes) == changes_hash))
        };
        let why = if seq != expected_seq {
            Some("une ou plusieurs lignes ont été retirées")
        } else if prev_hash != prev {
            Some("la ligne ne suit plus la précédente")
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
                prev_hash,
            };
            (link.hash() != hash).then_some("son contenu a été modifié")
        };
        if let Some(why) = why {
            return Ok(ChainCheck { rows: count, broken: broken(seq, at, why) });
        }
        prev = hash.to_owned();
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
