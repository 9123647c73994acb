//! Every French text the Rust code writes (messages, labels, documents, the CLI's output)
//! is written with its no-break spaces: this reads every string literal of the workspace
//! and fails on one that `french::typography` would change. SQL is not French.

use std::path::{Path, PathBuf};

use jalons_core::french::typography;

/// The string literals of a Rust file, as written (escapes not yet read), but raw strings.
fn literals(src: &str) -> Vec<String> {
    let b = src.as_bytes();
    let (mut i, mut out) = (0, Vec::new());
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => i = src[i..].find('\n').map_or(b.len(), |n| i + n),
            b'/' if b.get(i + 1) == Some(&b'*') => i = src[i..].find("*/").map_or(b.len(), |n| i + n + 2),
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#')) && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) => {
                let hashes = src[i + 1..].bytes().take_while(|&c| c == b'#').count();
                let close = format!("\"{}", "#".repeat(hashes));
                let start = i + 2 + hashes;
                i = src[start..].find(&close).map_or(b.len(), |n| start + n + close.len());
            }
            b'\'' => {
                // A char literal ('"', '\'', '\u{a0}') or a lifetime: skip it whole.
                let rest = &src[i + 1..];
                let len = if rest.starts_with('\\') {
                    rest.find('\'').map_or(1, |n| n + 2)
                } else {
                    rest.chars()
                        .next()
                        .map_or(1, |c| if rest[c.len_utf8()..].starts_with('\'') { c.len_utf8() + 2 } else { 1 })
                };
                i += len;
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                out.push(src[i + 1..j.min(b.len())].to_owned());
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// A literal as the user reads it: the no-break spaces written as escapes, continued lines
/// joined.
fn read(literal: &str) -> String {
    let mut joined = String::new();
    let mut lines = literal.split("\\\n");
    joined.push_str(lines.next().unwrap_or_default());
    for line in lines {
        joined.push_str(line.trim_start());
    }
    joined.replace("\\u{a0}", "\u{a0}").replace("\\u{202f}", "\u{202f}")
}

fn is_sql(text: &str) -> bool {
    const WORDS: [&str; 17] = [
        "SELECT", "INSERT", "UPDATE", "DELETE", "WHERE", "LIKE", "JOIN", "CREATE", "PRAGMA", "VALUES", " AND ", " OR ",
        "ATTACH", "DETACH", "ORDER BY", "LIMIT ?", "OFFSET ?",
    ];
    WORDS.iter().any(|w| text.contains(w)) || [" = ?", " < ?", " > ?", "= ?1"].iter().any(|p| text.contains(p))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("french.rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_french_text_of_the_rust_code_has_its_no_break_spaces() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in ["crates/jalons-core/src", "crates/jalons-export/src", "crates/jalons-cli/src", "src-tauri"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 100, "{} files", files.len());
    let slips: Vec<String> = files
        .iter()
        .flat_map(|file| {
            let src = std::fs::read_to_string(file).unwrap();
            literals(&src)
                .into_iter()
                .map(|l| read(&l))
                .filter(|t| !is_sql(t) && typography(t) != *t)
                .map(|t| format!("{}: {t:?}", file.strip_prefix(&root).unwrap_or(file).display()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        slips.is_empty(),
        "French typography slips (write « \\u{{a0}}: » and « \\u{{202f}}? »):\n{}",
        slips.join("\n")
    );
}

#[test]
fn the_reader_finds_literals_and_skips_chars_comments_and_raw_strings() {
    let src = r##"let a = "Prêt : oui"; let c = '"'; // "commentaire : ici"
        let r = r#"brut : "x""#; let d = "deux \" guillemets";"##;
    assert_eq!(literals(src), ["Prêt : oui", "deux \\\" guillemets"]);
}

/// Where the next piece of a Markdown line that is not prose begins: inline code, a link's
/// target, a tag (`<br>`, not « < 5 »). Its start, how long its opening is, what closes it.
fn next_non_prose(rest: &str) -> Option<(usize, usize, char)> {
    let code = rest.find('`').map(|at| (at, 1, '`'));
    let link = rest.find("](").map(|at| (at + 1, 1, ')'));
    let tag = rest
        .char_indices()
        .find(|&(i, c)| c == '<' && rest[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/'))
        .map(|(at, _)| (at, 1, '>'));
    [code, link, tag].into_iter().flatten().min_by_key(|&(at, _, _)| at)
}

/// A Markdown line's prose: inline code, link targets and tags each read as one letter.
fn prose(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some((at, open, close)) = next_non_prose(rest) {
        out.push_str(&rest[..at]);
        let after = &rest[at + open..];
        let end = after.find(close).map_or(after.len(), |end| end + 1);
        out.push('x');
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn every_french_document_and_setup_message_has_its_no_break_spaces() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut slips = Vec::new();
    for doc in ["README.md", "docs/guide-utilisateur.md", "docs/indicateurs.md"] {
        let mut in_code = false;
        for (n, line) in std::fs::read_to_string(root.join(doc)).unwrap().lines().enumerate() {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
            } else if !in_code && typography(&prose(line)) != prose(line) {
                slips.push(format!("{doc}:{}: {line}", n + 1));
            }
        }
    }
    for script in ["scripts/setup.sh", "scripts/deb.sh"] {
        for (n, line) in std::fs::read_to_string(root.join(script)).unwrap().lines().enumerate() {
            if line.trim_start().starts_with("echo \"") && typography(line) != line {
                slips.push(format!("{script}:{}: {line}", n + 1));
            }
        }
    }
    assert!(
        slips.is_empty(),
        "French typography slips (a no-break space before « : », « ; », « ? », « ! »):\n{}",
        slips.join("\n")
    );
}

#[test]
fn a_document_s_prose_leaves_code_links_and_tags_out() {
    assert_eq!(
        prose("Lancez `make test : tout` puis [le guide](docs/a:b.md) <br> : fin, « < 5 »"),
        "Lancez x puis [le guide]x x : fin, « < 5 »"
    );
}
