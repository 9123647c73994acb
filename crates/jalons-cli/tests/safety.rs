//! `jalons-cli sauvegarde`, `verifier` and `restaurer` on a demonstration database.

use std::path::Path;
use std::process::{Command, Output};

const PHRASE: &str = "lavande Diois tracteur 1987";

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jalons-cli")).args(args).env("JALONS_PHRASE_SECRETE", PHRASE).output().unwrap()
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn stored_files(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .flat_map(|shard| std::fs::read_dir(shard.path()).unwrap().flatten().map(|f| f.path()))
        .collect()
}

#[test]
fn backs_up_verifies_finds_an_altered_file_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jalons.sqlite");
    let db_arg = db.to_str().unwrap();
    assert!(cli(&["demo", "--db", db_arg, "--user", "Camille Martin"]).status.success());

    let usb = dir.path().join("cle");
    let out = cli(&["sauvegarde", "--db", db_arg, "--vers", usb.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).starts_with("Sauvegarde écrite\u{a0}: "), "{}", text(&out));
    let backup =
        std::fs::read_dir(&usb).unwrap().flatten().find(|e| e.path().extension().is_some_and(|x| x == "sqlite"));
    let backup = backup.unwrap().path();

    let out = cli(&["verifier", "--db", db_arg]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Base de données\u{a0}: intègre."), "{}", text(&out));

    let attached = stored_files(&dir.path().join("jalons-fichiers"));
    std::fs::write(&attached[0], "remplacé par un autre contenu").unwrap();
    let out = cli(&["verifier", "--db", db_arg]);
    assert!(!out.status.success());
    assert!(text(&out).contains("Pièce jointe modifiée depuis son ajout"), "{}", text(&out));

    std::fs::remove_file(&attached[0]).unwrap();
    let out = cli(&["restaurer", "--db", db_arg, "--depuis", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("État précédent sauvegardé dans"), "{}", text(&out));
    let out = cli(&["verifier", "--db", db_arg]);
    assert!(out.status.success(), "the restore brought the attached file back: {}", text(&out));
}

/// Two processes creating the same new file at once (a double click, a script): one
/// creates and fills it, the other is told the file is in use; the schema is never
/// created twice.
#[test]
fn two_processes_on_a_new_file_never_race_on_its_creation() {
    for round in 0..10 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("jalons.sqlite");
        let spawn = || {
            Command::new(env!("CARGO_BIN_EXE_jalons-cli"))
                .args(["demo", "--db", db.to_str().unwrap()])
                .env("JALONS_PHRASE_SECRETE", PHRASE)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        let outs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
        let loaded = outs.iter().filter(|o| o.status.success()).count();
        assert!(loaded >= 1, "round {round}: {} / {}", text(&outs[0]), text(&outs[1]));
        for o in outs.iter().filter(|o| !o.status.success()) {
            let t = text(o);
            assert!(t.contains("déjà ouvert") || t.contains("une base vide"), "round {round}: {t}");
        }
        let out = cli(&["verifier", "--db", db.to_str().unwrap()]);
        assert!(out.status.success(), "round {round}: {}", text(&out));
    }
}
