//! Work is never lost: backups and restore, the checks at opening (damaged, not Jalons,
//! read-only, newer, in use), a full disk, crafted attachment hashes, the WAL folded back
//! at close.

mod common;

use std::path::{Path, PathBuf};

use common::structure;
use jalons_core::attachments::{AttachmentOwner, OwnerKind};
use jalons_core::backup::{self, BackupReason};
use jalons_core::{ErrorCode, Store};

fn new_store(dir: &Path) -> (PathBuf, Store) {
    let db = dir.join("jalons.sqlite");
    let mut s = Store::open(&db, &common::key()).unwrap();
    s.set_user_name("Camille Martin").unwrap();
    (db, s)
}

fn names(s: &Store) -> Vec<String> {
    s.read()
        .unwrap()
        .prepare("SELECT name FROM structures ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Every row of every table, in rowid order: equal dumps are equal databases.
fn dump(conn: &rusqlite::Connection) -> Vec<String> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        let mut lines = Vec::new();
        while let Some(r) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect();
            lines.push(format!("{t}: {}", cells.join(" | ")));
        }
        lines.sort();
        out.extend(lines);
    }
    out
}

#[test]
fn a_backup_restores_the_earlier_state_and_the_safety_backup_undoes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut s) = new_store(dir.path());
    let folder = dir.path().join("usb");
    let sid = structure(&mut s, "Les Arts Buissonniers");
    let pdf = dir.path().join("statuts.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 statuts").unwrap();
    let attached = s.attach_file(&AttachmentOwner { kind: OwnerKind::Structure, id: sid }, &pdf, true).unwrap();
    let before = dump(&s.read().unwrap());

    let info =
        backup::take(&db, &common::key(), &folder, BackupReason::Manual, common::at("2026-12-01 09:30:00")).unwrap();
    assert_eq!(info.file_name, "jalons-2026-12-01-093000-manuelle.sqlite");
    let holds = info.holds.unwrap();
    assert_eq!((holds.structures, holds.cases), (1, 0));
    let newest: String = s.read().unwrap().query_row("SELECT MAX(at) FROM audit_log", [], |r| r.get(0)).unwrap();
    assert_eq!(holds.last_change, Some(newest), "the chain's last row is the newest change");
    let shards: Vec<_> = std::fs::read_dir(folder.join("fichiers")).unwrap().flatten().collect();
    assert_eq!(shards.len(), 1, "the attached file is copied with the backup");

    structure(&mut s, "Café-concert du Vivarais");
    s.remove_attachment(&attached.id).unwrap();
    assert_eq!(names(&s).len(), 2);
    let after = dump(&s.read().unwrap());

    let path = backup::resolve(&folder, &db, &info.file_name).unwrap();
    let restored = s.restore(&path, &folder, common::at("2026-12-01 10:00:00")).unwrap();
    assert_eq!(dump(&s.read().unwrap()), before, "the restored database equals the dump at backup time");
    assert_eq!(
        std::fs::read(s.attachment_copy(&attached.id, &dir.path().join("ouverts")).unwrap()).unwrap(),
        b"%PDF-1.4 statuts"
    );
    let safety = restored.safety.unwrap();
    assert_eq!(safety.reason, BackupReason::BeforeRestore);
    assert_eq!(safety.holds.as_ref().unwrap().structures, 2);
    // A backup right after a restore (the one at quit) holds the restored state.
    let after_restore =
        backup::take(&db, &common::key(), &folder, BackupReason::Quit, common::at("2026-12-01 10:01:00")).unwrap();
    assert_eq!(after_restore.holds.unwrap().structures, 1);

    // Still there after a restart, and still writable.
    drop(s);
    let mut s = Store::open(&db, &common::key()).unwrap();
    assert_eq!(names(&s), ["Les Arts Buissonniers"]);
    structure(&mut s, "Compagnie du Sillon");

    let undo = backup::resolve(&folder, &db, &safety.file_name).unwrap();
    s.restore(&undo, &folder, common::at("2026-12-01 10:05:00")).unwrap();
    assert_eq!(dump(&s.read().unwrap()), after);
    let listed = backup::list(&folder, &db, &common::key());
    assert_eq!(listed.len(), 4);
    assert_eq!(listed[0].reason, BackupReason::BeforeRestore);
}

#[test]
fn backups_taken_while_writing_are_whole_and_hold_every_earlier_commit() {
    let dir = tempfile::tempdir().unwrap();
    let (db, s) = new_store(dir.path());
    let folder = dir.path().join("sauvegardes");
    let store = std::sync::Arc::new(std::sync::Mutex::new(s));
    let writer = {
        let store = store.clone();
        std::thread::spawn(move || {
            for i in 0..300 {
                structure(&mut store.lock().unwrap(), &format!("Compagnie n° {i}"));
            }
        })
    };
    for k in 0..5 {
        let committed = names(&store.lock().unwrap()).len();
        let info = backup::take(
            &db,
            &common::key(),
            &folder,
            BackupReason::Auto,
            common::at(&format!("2026-12-01 09:00:0{k}")),
        )
        .unwrap();
        let copy = common::raw(&folder.join(&info.file_name));
        let check: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
        assert!(info.holds.unwrap().structures >= i64::try_from(committed).unwrap(), "backup {k} lost commits");
    }
    writer.join().unwrap();
}

#[test]
fn a_backup_that_is_not_jalons_or_is_damaged_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut s) = new_store(dir.path());
    structure(&mut s, "Les Arts Buissonniers");
    let folder = dir.path().join("sauvegardes");
    std::fs::create_dir_all(&folder).unwrap();
    let text = folder.join("jalons-2026-11-30-080000-manuelle.sqlite");
    std::fs::write(&text, "ceci n'est pas une base").unwrap();
    let e = s.restore(&text, &folder, common::at("2026-12-01 09:00:00")).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotJalons);
    assert!(e.message.starts_with("Cette sauvegarde ne peut pas être restaurée."), "{}", e.message);
    assert_eq!(names(&s), ["Les Arts Buissonniers"]);
    assert_eq!(backup::list(&folder, &db, &common::key()).len(), 1, "no safety backup for a refused restore");
}

fn demo_file(dir: &Path) -> PathBuf {
    let (db, mut s) = new_store(dir);
    s.load_demo().unwrap();
    drop(s);
    db
}

fn open_error(db: &Path) -> jalons_core::Error {
    match Store::open(db, &common::key()) {
        Ok(_) => panic!("{} opened", db.display()),
        Err(e) => e,
    }
}

#[test]
fn a_text_file_is_not_a_jalons_database_and_is_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jalons.sqlite");
    std::fs::write(&db, "Compte rendu du conseil d'administration\n").unwrap();
    let e = open_error(&db);
    assert_eq!(e.code, ErrorCode::NotJalons);
    assert!(e.message.contains("n'est pas une base de données Jalons"), "{}", e.message);
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "Compte rendu du conseil d'administration\n");

    let other = dir.path().join("autre.sqlite");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE notes (t TEXT)").unwrap();
    assert_eq!(open_error(&other).code, ErrorCode::NotJalons);
}

#[test]
fn a_truncated_file_and_random_bytes_in_pages_are_reported_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let bytes = std::fs::read(&db).unwrap();

    std::fs::write(&db, &bytes[..bytes.len() / 2]).unwrap();
    let e = open_error(&db);
    assert_eq!(e.code, ErrorCode::Damaged, "{}", e.message);
    assert!(e.message.contains("est endommagée"), "{}", e.message);

    let mut noisy = bytes.clone();
    let pages = noisy.len() / 4096;
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for k in 0..12 {
        let page = 1 + (k * pages / 12).max(1) % (pages - 1);
        for b in &mut noisy[page * 4096 + 100..page * 4096 + 400] {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            *b = (seed >> 33) as u8;
        }
    }
    std::fs::write(&db, &noisy).unwrap();
    assert_eq!(open_error(&db).code, ErrorCode::Damaged);
}

#[test]
fn the_app_s_later_integrity_check_finds_what_the_quick_opening_let_through() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    Store::check_integrity(&db, &common::key()).unwrap();
    let mut bytes = std::fs::read(&db).unwrap();
    let len = bytes.len();
    // The last pages only: the opening reads the schema and the settings, not these.
    bytes[len - 20 * 4096..].fill(0x5a);
    std::fs::write(&db, &bytes).unwrap();
    let e = Store::check_integrity(&db, &common::key()).unwrap_err();
    assert_eq!(e.code, ErrorCode::Damaged);
    assert!(e.message.contains("est endommagée"), "{}", e.message);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_or_folder_is_refused_and_never_chmod_ed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o400)).unwrap();
    let e = open_error(&db);
    assert_eq!(e.code, ErrorCode::ReadOnly);
    assert!(e.message.contains("est en lecture seule"), "{}", e.message);
    assert_eq!(std::fs::metadata(&db).unwrap().permissions().mode() & 0o777, 0o400);

    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o500)).unwrap();
    let e = open_error(&db);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(e.code, ErrorCode::ReadOnly);
    assert!(e.message.starts_with("Le dossier"), "{}", e.message);
}

#[test]
fn a_newer_database_is_refused_before_anything_is_written_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    common::raw(&db).pragma_update(None, "user_version", 999).unwrap();
    let before = std::fs::read(&db).unwrap();
    let e = open_error(&db);
    assert!(e.message.contains("plus récente"), "{}", e.message);
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_file_of_an_earlier_schema_is_said_to_need_an_update_and_the_question_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = new_store(dir.path());
    drop(store);
    assert!(!Store::needs_update(&db, &common::key()));
    let latest: i64 = common::raw(&db).pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    common::raw(&db).pragma_update(None, "user_version", latest - 1).unwrap();
    let before = std::fs::read(&db).unwrap();
    assert!(Store::needs_update(&db, &common::key()));
    assert_eq!(std::fs::read(&db).unwrap(), before);
    // Another key, a missing file or a text file: the opening will say what is wrong.
    assert!(!Store::needs_update(&db, &jalons_core::crypto::DataKey::generate().unwrap()));
    assert!(!Store::needs_update(&dir.path().join("absente.sqlite"), &common::key()));
    let text = dir.path().join("notes.sqlite");
    std::fs::write(&text, "des notes").unwrap();
    assert!(!Store::needs_update(&text, &common::key()));
}

#[test]
fn the_room_an_update_frees_goes_back_to_the_disk_and_no_other_opening_rewrites_the_file() {
    use jalons_core::store::migrations::MIGRATIONS;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jalons.sqlite");
    // A file of the schema before the audit trail's compaction, its trail written by a
    // version before the chain: 3,000 rows of a kilobyte.
    let raw = common::raw(&db);
    // What the schema calls, as the store gives every connection.
    raw.create_collation("fr", jalons_core::french::compare).unwrap();
    raw.create_scalar_function("fold", 1, rusqlite::functions::FunctionFlags::SQLITE_UTF8, |ctx| {
        Ok(jalons_core::values::fold(&ctx.get::<Option<String>>(0)?.unwrap_or_default()))
    })
    .unwrap();
    let before = MIGRATIONS.iter().position(|m| m.contains("audit_log_compact")).unwrap();
    for (i, sql) in MIGRATIONS[..before].iter().enumerate() {
        raw.execute_batch(sql).unwrap();
        raw.pragma_update(None, "user_version", i64::try_from(i + 1).unwrap()).unwrap();
    }
    raw.execute_batch(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
         INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes)
         SELECT printf('a%05d', i), printf('2024-05-01T09:%02d:%02dZ', i / 60 % 60, i % 60), 'Camille Martin',
                'structure', 's', 'update', '[' || printf('%.*c', 1000, 'x') || ']' FROM n",
    )
    .unwrap();
    drop(raw);
    let size = |path: &Path| std::fs::metadata(path).map_or(0, |m| m.len());
    let free = |path: &Path| -> i64 { common::raw(path).query_row("PRAGMA freelist_count", [], |r| r.get(0)).unwrap() };
    let written = size(&db);

    let s = Store::open(&db, &common::key()).unwrap();
    assert_eq!(s.check_audit_chain().unwrap(), jalons_core::store::chain::ChainCheck { rows: 3000, broken: None });
    drop(s);
    assert_eq!(free(&db), 0, "the old trail's pages given back");
    // Rewriting the trail alone made it twice as large.
    assert!(size(&db) <= written, "{} bytes after the update, {written} before", size(&db));
    assert!(size(&PathBuf::from(format!("{}-wal", db.display()))) < 1_000_000, "the WAL emptied");

    // Room freed otherwise (a purge) is left for the data to grow into: no opening rewrites a
    // whole file but an update's.
    common::raw(&db)
        .execute_batch(
            "CREATE TABLE filler (b BLOB);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
             INSERT INTO filler SELECT randomblob(1000) FROM n;
             DROP TABLE filler;",
        )
        .unwrap();
    let freed = free(&db);
    assert!(freed > 300, "{freed}");
    drop(Store::open(&db, &common::key()).unwrap());
    assert_eq!(free(&db), freed);
}

#[test]
fn a_second_jalons_on_the_same_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _first) = new_store(dir.path());
    let e = open_error(&dir.path().join(".").join("jalons.sqlite"));
    assert_eq!(e.code, ErrorCode::InUse);
    assert!(e.message.contains("déjà ouvert"), "{}", e.message);
    assert!(db.exists());
}

#[test]
fn a_full_disk_refuses_the_write_whole_and_the_store_works_once_space_is_freed() {
    let dir = tempfile::tempdir().unwrap();
    let (_db, mut s) = new_store(dir.path());
    structure(&mut s, "Les Arts Buissonniers");
    let pages: i64 = s.read().unwrap().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    s.read().unwrap().pragma_update(None, "max_page_count", pages).unwrap();
    let big = jalons_core::structures::StructureInput {
        name: "Compagnie au long cours".into(),
        legal_form: "association".into(),
        commune_code: "26113".into(),
        address: "x".repeat(200),
        networks: (0..40).map(|i| format!("Réseau régional des lieux de musiques actuelles n° {i}")).collect(),
        ..Default::default()
    };
    let mut refused = None;
    for _ in 0..50 {
        if let Err(e) = s.create_structure(&big) {
            refused = Some(e);
            break;
        }
    }
    let e = refused.expect("the disk never filled");
    assert_eq!(e.code, ErrorCode::DiskFull);
    assert!(e.message.starts_with("Le disque est plein\u{a0}: rien n'a été enregistré."), "{}", e.message);
    let audit: i64 = s.read().unwrap().query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get(0)).unwrap();
    let rows: i64 = s.read().unwrap().query_row("SELECT COUNT(*) FROM structures", [], |r| r.get(0)).unwrap();
    assert_eq!(audit, rows + 1, "one audit row per structure, plus the user's name: nothing half saved");
    s.read().unwrap().pragma_update(None, "max_page_count", 1_000_000).unwrap();
    s.create_structure(&big).unwrap();
}

#[test]
fn crafted_hashes_open_nothing_delete_nothing_and_the_store_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut s) = new_store(dir.path());
    let sid = structure(&mut s, "Les Arts Buissonniers");
    let canary = dir.path().join("canary.txt");
    std::fs::write(&canary, "à garder").unwrap();
    let crafted = [
        "../../../../../../../../..".to_owned() + canary.to_str().unwrap(),
        canary.display().to_string(),
        "a".to_owned(),
    ];
    // As a colleague's SQLite tool would have written them.
    let tool = common::raw(&db);
    tool.execute_batch("PRAGMA ignore_check_constraints = ON").unwrap();
    for (i, hash) in crafted.iter().enumerate() {
        tool.execute("INSERT INTO stored_files (sha256, size, stored_at) VALUES (?1, 1, 't')", [hash]).unwrap();
        tool.execute(
            "INSERT INTO attachments (id, sha256, name, mime, size, structure_id, created_at)
                 VALUES (?1, ?2, 'x.txt', 'text/plain', 1, ?3, 't')",
            rusqlite::params![format!("0190b5a0-0000-7000-8000-00000000000{i}"), hash, sid],
        )
        .unwrap();
    }
    drop(tool);
    for i in 0..crafted.len() {
        let id = format!("0190b5a0-0000-7000-8000-00000000000{i}");
        let e = s.attachment_copy(&id, &dir.path().join("ouverts")).unwrap_err();
        assert_eq!(e.code, ErrorCode::Damaged, "{}", e.message);
        s.remove_attachment(&id).unwrap();
    }
    assert_eq!(std::fs::read_to_string(&canary).unwrap(), "à garder");
    structure(&mut s, "Compagnie du Sillon");
}

#[test]
fn the_schema_refuses_a_hash_that_is_not_one() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _s) = new_store(dir.path());
    let tool = common::raw(&db);
    let e = tool.execute("INSERT INTO stored_files (sha256, size, stored_at) VALUES ('../x', 1, 't')", []);
    assert!(e.is_err());
}

#[test]
fn the_read_handle_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (_db, mut s) = new_store(dir.path());
    let e = s.read().unwrap().execute("DELETE FROM settings", []).unwrap_err();
    assert!(e.to_string().contains("readonly"), "{e}");
    structure(&mut s, "Les Arts Buissonniers");
}

#[test]
fn closing_folds_the_wal_back_so_the_file_alone_holds_everything() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut s) = new_store(dir.path());
    for name in ["A", "B", "C"] {
        structure(&mut s, name);
    }
    drop(s);
    assert!(!dir.path().join("jalons.sqlite-wal").exists());
    let copy = dir.path().join("copie").join("jalons.sqlite");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    std::fs::copy(&db, &copy).unwrap();
    assert_eq!(names(&Store::open(&copy, &common::key()).unwrap()), ["A", "B", "C"]);
}

#[test]
fn partial_copies_and_orphan_files_are_swept_at_opening() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut s) = new_store(dir.path());
    let sid = structure(&mut s, "Les Arts Buissonniers");
    let pdf = dir.path().join("statuts.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 statuts").unwrap();
    let kept = s.attach_file(&AttachmentOwner { kind: OwnerKind::Structure, id: sid }, &pdf, false).unwrap();
    drop(s);
    let files = dir.path().join("jalons-fichiers").join("ab");
    std::fs::create_dir_all(&files).unwrap();
    let orphan = "ab".to_owned() + &"0".repeat(62);
    std::fs::write(files.join(&orphan), "orphelin").unwrap();
    std::fs::write(files.join(format!("{orphan}.partiel")), "coupé").unwrap();
    std::fs::write(files.join("notes-personnelles.txt"), "pas à Jalons").unwrap();
    let s = Store::open(&db, &common::key()).unwrap();
    assert!(!files.join(&orphan).exists());
    assert!(!files.join(format!("{orphan}.partiel")).exists());
    assert!(files.join("notes-personnelles.txt").exists());
    assert!(s.attachment_copy(&kept.id, &dir.path().join("ouverts")).is_ok());
    assert!(s.verify().unwrap().is_sound());
}

/// Runs `test` on a real small disk: a tmpfs of `size` (as `mount -o size=` reads it).
/// Mounting needs root (as in CI); elsewhere the test says so and stops.
#[cfg(target_os = "linux")]
fn on_small_disk(size: &str, test: impl FnOnce(&Path, &Path) + std::panic::UnwindSafe) {
    let dir = tempfile::tempdir().unwrap();
    let disk = dir.path().join("disque");
    std::fs::create_dir_all(&disk).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(&disk)
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!("not run: mounting a small tmpfs needs root");
        return;
    }
    let outcome = std::panic::catch_unwind(|| test(dir.path(), &disk));
    let _ = std::process::Command::new("umount").arg(&disk).status();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// What a failed write left in a folder of the full disk, besides `keep`.
#[cfg(target_os = "linux")]
fn left_in(dir: &Path, keep: &[&str]) -> Vec<String> {
    let mut left: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    left.retain(|n| !keep.contains(&n.as_str()));
    left.sort();
    left
}

/// A real full disk: a 3 MiB tmpfs holds the database and its files folder.
#[cfg(target_os = "linux")]
#[test]
fn an_attachment_on_a_full_disk_is_refused_and_leaves_no_partial_copy() {
    on_small_disk("3m", |dir, disk| {
        let (_db, mut s) = new_store(disk);
        let sid = structure(&mut s, "Les Arts Buissonniers");
        let big = dir.join("captation.mp4");
        std::fs::write(&big, vec![7u8; 4 * 1024 * 1024]).unwrap();
        let owner = AttachmentOwner { kind: OwnerKind::Structure, id: sid.clone() };
        let e = s.attach_file(&owner, &big, false).unwrap_err();
        assert_eq!(e.code, ErrorCode::DiskFull, "{}", e.message);
        assert!(e.message.starts_with("Le disque est plein"), "{}", e.message);
        assert!(s.list_attachments(&owner).unwrap().is_empty());
        let files = disk.join("jalons-fichiers");
        let left: usize = std::fs::read_dir(&files)
            .map_or(0, |d| d.flatten().map(|s| std::fs::read_dir(s.path()).map_or(0, |f| f.count())).sum());
        assert_eq!(left, 0, "no partial copy left to fill the disk");
        let small = dir.join("statuts.pdf");
        std::fs::write(&small, b"%PDF-1.4 statuts").unwrap();
        s.attach_file(&owner, &small, false).unwrap();
    });
}

/// A backup onto a full USB stick: refused as « disque plein », nothing left on the stick
/// to fill it further, and the next backup once space is freed is whole.
#[cfg(target_os = "linux")]
#[test]
fn a_backup_on_a_full_disk_is_refused_leaves_nothing_and_succeeds_once_space_is_freed() {
    on_small_disk("4m", |dir, stick| {
        let (db, mut s) = new_store(dir);
        s.load_demo().unwrap();
        drop(s);
        let size = std::fs::metadata(&db).unwrap().len();
        assert!(size > 512 * 1024 && size < 3 * 1024 * 1024, "the demo's size, {size} bytes, suits a 4 MiB disk");
        let filler = stick.join("film.mkv");
        std::fs::write(&filler, vec![0u8; usize::try_from(4 * 1024 * 1024 - size / 2).unwrap()]).ok();
        let e = backup::take(&db, &common::key(), stick, BackupReason::Manual, common::at("2026-12-01 10:00:00"))
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::DiskFull, "{}", e.message);
        assert!(e.message.starts_with("Le disque est plein"), "{}", e.message);
        assert_eq!(left_in(stick, &["film.mkv"]), Vec::<String>::new());
        assert!(backup::list(stick, &db, &common::key()).is_empty());

        std::fs::remove_file(&filler).unwrap();
        let taken =
            backup::take(&db, &common::key(), stick, BackupReason::Manual, common::at("2026-12-01 10:05:00")).unwrap();
        assert!(taken.holds.unwrap().structures > 0);
        Store::check_integrity(&stick.join(&taken.file_name), &common::key()).unwrap();
    });
}

/// An export over a previous one on a full disk: refused, and the previous file is intact.
#[cfg(target_os = "linux")]
#[test]
fn an_export_on_a_full_disk_keeps_the_previous_file() {
    on_small_disk("1m", |_dir, disk| {
        let target = disk.join("bilan-2026.xlsx");
        jalons_core::durable::write_file(&target, b"bilan de juin", "Le bilan n'a pas pu être écrit").unwrap();
        let e =
            jalons_core::durable::write_file(&target, &vec![1u8; 2 * 1024 * 1024], "Le bilan n'a pas pu être écrit")
                .unwrap_err();
        assert_eq!(e.code, ErrorCode::DiskFull, "{}", e.message);
        assert_eq!(std::fs::read(&target).unwrap(), b"bilan de juin");
        assert_eq!(left_in(disk, &["bilan-2026.xlsx"]), Vec::<String>::new());
    });
}
