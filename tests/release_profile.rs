//! The release profile (Cargo.toml) builds for size exactly the crates that nothing but the
//! PDF typesetter uses: one that a screen also runs would make it slower, one left out
//! would make the package larger.

use std::collections::BTreeSet;
use std::process::Command;

/// The packages the app depends on at run time on Linux, with `pruned` cut off the graph.
fn packages(pruned: &[&str]) -> BTreeSet<String> {
    let mut cargo = Command::new(env!("CARGO"));
    cargo.current_dir(env!("CARGO_MANIFEST_DIR")).args([
        "tree",
        "--package",
        "jalons",
        "--edges",
        "normal,no-proc-macro",
        "--target",
        "x86_64-unknown-linux-gnu",
        "--prefix",
        "none",
        "--format",
        "{p}",
    ]);
    for p in pruned {
        cargo.args(["--prune", p]);
    }
    let out = cargo.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let listed = String::from_utf8(out.stdout).unwrap();
    listed.lines().filter_map(|l| l.split(' ').next()).filter(|n| !n.is_empty()).map(str::to_owned).collect()
}

#[test]
fn only_the_pdf_typesetters_crates_are_built_for_size() {
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let table = manifest.split("[profile.release.package]\n").nth(1).unwrap();
    let for_size: BTreeSet<String> = table
        .lines()
        .take_while(|l| !l.starts_with('['))
        .filter_map(|l| l.strip_suffix(r#" = { opt-level = "z" }"#))
        .map(str::to_owned)
        .collect();
    let all = packages(&[]);
    let typesetter = ["typst", "typst-pdf", "typst-svg", "typst-layout"];
    let without = packages(&typesetter);
    let only_pdf: BTreeSet<String> = all.difference(&without).cloned().collect();
    assert!(only_pdf.contains("typst-library") && only_pdf.len() > 100, "{only_pdf:?}");
    assert_eq!(for_size, only_pdf, "Cargo.toml's [profile.release.package] against the typesetter's own crates");
}
