//! What each table and index weighs in the bench's database, from SQLite's `dbstat`: the
//! figures behind the choice of what to index and how (issue « rapide à toute taille »).

use jalons_core::Store;

/// The heaviest objects first, each with its share of the file; the rest summed.
pub fn run(store: &Store) -> anyhow::Result<()> {
    let db = store.read()?;
    let mut stmt = db.prepare(
        "SELECT name, SUM(pgsize), SUM(ncell) FROM dbstat WHERE aggregate = FALSE
         GROUP BY name ORDER BY SUM(pgsize) DESC",
    )?;
    let rows: Vec<(String, i64, i64)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<_, _>>()?;
    let total: i64 = rows.iter().map(|r| r.1).sum();
    println!();
    println!("| table ou index | Mio | part | cellules |");
    println!("|---|---:|---:|---:|");
    let mib = |b: i64| b as f64 / 1_048_576.0;
    let share = |b: i64| 100.0 * b as f64 / total.max(1) as f64;
    for (name, bytes, cells) in rows.iter().take(SHOWN) {
        println!("| {name} | {:.1} | {:.1}\u{a0}% | {cells} |", mib(*bytes), share(*bytes));
    }
    let rest: i64 = rows.iter().skip(SHOWN).map(|r| r.1).sum();
    println!("| {} autres | {:.1} | {:.1}\u{a0}% | |", rows.len().saturating_sub(SHOWN), mib(rest), share(rest));
    println!("| total des pages | {:.1} | 100\u{a0}% | |", mib(total));
    Ok(())
}

const SHOWN: usize = 30;
