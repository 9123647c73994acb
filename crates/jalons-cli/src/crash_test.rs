//! The crash test: a child process writes in a loop (structures, journal entries, attached
//! files of a few megabytes) and says each write once committed; it is killed with SIGKILL
//! at random moments. After each kill the database is opened again as the app would, and
//! must pass `integrity_check`, hold every write the child reported, and keep no partial
//! copy nor orphan file in its files folder; after the last, every file must match its hash.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, bail};
use jalons_core::Store;
use jalons_core::attachments::{AttachmentOwner, OwnerKind};
use jalons_core::crypto::DataKey;
use jalons_core::journal::JournalInput;
use jalons_core::structures::StructureInput;

/// A small deterministic generator: the runs differ by their seed, not by chance alone.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound
    }
}

fn structure(i: u64) -> StructureInput {
    StructureInput {
        name: format!("Compagnie n° {i}"),
        legal_form: "association".into(),
        commune_code: "26113".into(),
        ..Default::default()
    }
}

/// The passphrase of the throwaway database the writer and the checks share.
const PHRASE: &str = "coupures lavande tracteur 1987";
/// The writer gets the key itself from its parent, so that each start spends no time on
/// the passphrase's derivation and the kills fall among writes.
const KEY_VAR: &str = "JALONS_CLE_COUPURES";

/// The child: writes until killed, one line on stdout per committed write.
pub fn writer(db: &Path, seed: u64) -> anyhow::Result<()> {
    let key = std::env::var(KEY_VAR).ok().and_then(|hex| DataKey::from_hex(&hex)).context("clé de la base d'essai")?;
    let mut store = Store::open(db, &key)?;
    if store.settings()?.user_name.is_none() {
        store.set_user_name("Test de coupure")?;
    }
    let sources = db.with_file_name("sources");
    std::fs::create_dir_all(&sources)?;
    let mut rng = Lcg(seed);
    let mut out = std::io::stdout().lock();
    let mut structure_id = store.create_structure(&structure(seed))?.id;
    writeln!(out, "structures {structure_id}")?;
    for i in 0.. {
        let (table, id) = match i % 3 {
            0 => {
                structure_id = store.create_structure(&structure(seed * 1000 + i))?.id;
                ("structures", structure_id.clone())
            }
            1 => {
                let entry = store.create_journal_entry(&JournalInput {
                    structure_id: structure_id.clone(),
                    kind: "call".into(),
                    occurred_on: "2026-11-30".into(),
                    body: format!("Appel n° {i}\u{a0}: point sur la trésorerie."),
                    ..Default::default()
                })?;
                ("journal_entries", entry.id)
            }
            _ => {
                // Each file differs, so that every attach copies a new one of 1 to 4 Mo.
                let path = sources.join(format!("piece-{seed}-{i}.bin"));
                let mut bytes = vec![0u8; usize::try_from(1_048_576 + rng.next(3 * 1_048_576)).unwrap_or(1 << 20)];
                bytes[..16].copy_from_slice(&(seed * 1_000_000 + i).to_le_bytes().repeat(2));
                std::fs::write(&path, &bytes)?;
                let owner = AttachmentOwner { kind: OwnerKind::Structure, id: structure_id.clone() };
                let a = store.attach_file(&owner, &path, true)?;
                let _ = std::fs::remove_file(&path);
                ("attachments", a.id)
            }
        };
        writeln!(out, "{table} {id}")?;
        out.flush()?;
    }
    Ok(())
}

#[derive(Default)]
struct Tally {
    kills: usize,
    reported: usize,
    lost: usize,
    integrity_failures: usize,
    partials_swept: usize,
    orphans_swept: usize,
    left_behind: usize,
}

/// Files of the files folder that are partial copies or that no row refers to.
/// Files in the folder beyond those the database knows (names are keyed hashes, so the
/// count is compared; a known file that is missing is counted by the verification).
fn left_behind(store: &Store, dir: &Path) -> anyhow::Result<usize> {
    let known: i64 = store.read()?.query_row("SELECT COUNT(*) FROM stored_files", [], |r| r.get(0))?;
    let on_disk = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|shard| std::fs::read_dir(shard.path()).into_iter().flatten().flatten())
        .count();
    Ok(on_disk.saturating_sub(usize::try_from(known).unwrap_or(0)))
}

fn check(db: &Path, key: &DataKey, reported: &[String], tally: &mut Tally) -> anyhow::Result<()> {
    // Opening sweeps what the kill cut short; the tally says how much there was.
    let dir = jalons_core::store::files_dir_of(db);
    let count = |partial: bool| {
        std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .flat_map(|s| std::fs::read_dir(s.path()).into_iter().flatten().flatten())
            .filter(|f| !partial || f.file_name().to_string_lossy().ends_with(".partiel"))
            .count()
    };
    let (files, partials) = (count(false), count(true));
    let store = Store::open(db, key).context("réouverture après la coupure")?;
    let partials_swept = partials.saturating_sub(count(true));
    tally.partials_swept += partials_swept;
    tally.orphans_swept += files.saturating_sub(count(false)).saturating_sub(partials_swept);
    let conn = store.read()?;
    let integrity: String = conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
    let broken_links: i64 = conn.query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
    drop(conn);
    if integrity != "ok" || broken_links > 0 {
        tally.integrity_failures += 1;
    }
    for line in reported {
        let Some((table, id)) = line.split_once(' ') else { continue };
        let there: bool =
            store
                .read()?
                .query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"), [id], |r| r.get(0))?;
        if !there {
            tally.lost += 1;
        }
    }
    tally.reported += reported.len();
    tally.left_behind += left_behind(&store, &dir)?;
    Ok(())
}

/// Every attached file read back against its hash, once after the last kill: a file is
/// sealed once and never written again, so reading them all after each kill (the
/// verification's way) found nothing more, at a cost growing with every round.
fn check_files(db: &Path, key: &DataKey, tally: &mut Tally) -> anyhow::Result<()> {
    let verification = Store::open(db, key)?.verify()?;
    if !verification.integrity.is_empty() || verification.broken_links > 0 {
        tally.integrity_failures += 1;
    }
    tally.left_behind += verification.missing.len() + verification.altered.len();
    Ok(())
}

/// Runs `kills` cycles of write-and-kill on a fresh database and prints the table; fails
/// when a write was lost or the database damaged.
pub fn run(kills: usize, seed: u64) -> anyhow::Result<()> {
    let dir = tempfile_dir()?;
    let db = dir.join("jalons.sqlite");
    let key = jalons_core::crypto::choose_phrase(&db, PHRASE, PHRASE, None)?;
    let exe = std::env::current_exe()?;
    let mut rng = Lcg(seed);
    let mut tally = Tally::default();
    for k in 0..kills {
        let mut child = Command::new(&exe)
            .args(["crash-writer", "--db"])
            .arg(&db)
            .args(["--graine", &(seed + k as u64).to_string()])
            .env(KEY_VAR, key.to_hex())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let lines = Arc::new(Mutex::new(Vec::new()));
        let stdout = child.stdout.take().context("sortie du processus d'écriture")?;
        let reader = {
            let lines = lines.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    lines.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(line);
                }
            })
        };
        // The kill falls among the writes, not during the key's derivation at opening.
        let started = std::time::Instant::now();
        while lines.lock().unwrap_or_else(std::sync::PoisonError::into_inner).is_empty()
            && started.elapsed() < Duration::from_secs(30)
        {
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(150 + rng.next(450)));
        if let Some(status) = child.try_wait()? {
            bail!("le processus d'écriture s'est arrêté seul ({status})");
        }
        child.kill()?;
        child.wait()?;
        let _ = reader.join();
        tally.kills += 1;
        let reported = lines.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
        check(&db, &key, &reported, &mut tally)?;
    }
    check_files(&db, &key, &mut tally)?;
    println!(
        "| coupures (SIGKILL) | écritures confirmées vérifiées | perdues | échecs d'intégrité | copies partielles nettoyées | fichiers orphelins nettoyés | restés après réouverture |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {} | {} | {} | {} | {} | {} | {} |",
        tally.kills,
        tally.reported,
        tally.lost,
        tally.integrity_failures,
        tally.partials_swept,
        tally.orphans_swept,
        tally.left_behind
    );
    let _ = std::fs::remove_dir_all(&dir);
    if tally.lost > 0 || tally.integrity_failures > 0 || tally.left_behind > 0 {
        bail!("des écritures confirmées ont été perdues, ou la base ou ses fichiers sont abîmés");
    }
    Ok(())
}

fn tempfile_dir() -> anyhow::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("jalons-coupures-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
