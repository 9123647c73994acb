//! What a raw match of the index becomes on screen: its title with the matched words
//! marked, where it belongs, and the page it opens.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::query::{CLOSE, OPEN};
use super::{SearchHit, SearchKind, Segment, TargetKind};
use crate::Result;
use crate::cases::Stage;
use crate::diagnostic::DiagnosticDomain;
use crate::journal::JournalKind;

pub(crate) struct Raw {
    pub kind: String,
    pub record_id: String,
    pub extra: String,
    pub title: String,
    pub snippet: String,
}

/// `a\u{e000}b\u{e001}c` → `a`, `b` (hit), `c`.
pub(crate) fn segments(marked: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut text = String::new();
    let mut hit = false;
    for c in marked.chars() {
        if c == OPEN || c == CLOSE {
            if !text.is_empty() {
                out.push(Segment { text: std::mem::take(&mut text), hit });
            }
            hit = c == OPEN;
        } else {
            text.push(c);
        }
    }
    if !text.is_empty() {
        out.push(Segment { text, hit });
    }
    out
}

fn plain(text: impl Into<String>) -> Vec<Segment> {
    vec![Segment { text: text.into(), hit: false }]
}

/// The snippet, unless the title already shows the match.
fn snippet_unless_titled(title: &[Segment], snippet: &str) -> Vec<Segment> {
    if title.iter().any(|s| s.hit) { Vec::new() } else { segments(snippet) }
}

fn case_context(conn: &Connection, case_id: &str) -> Result<Option<(String, String, Stage)>> {
    Ok(conn
        .query_row(
            "SELECT c.reference, s.name, c.stage FROM cases c JOIN structures s ON s.id = c.structure_id WHERE c.id = ?1",
            [case_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

/// None when the record went away between the match and the lookup.
pub(crate) fn describe(conn: &Connection, raw: Raw) -> Result<Option<SearchHit>> {
    let title = segments(&raw.title);
    let hit = |kind, target, target_id: String, title: Vec<Segment>, context: String| {
        let snippet = snippet_unless_titled(&title, &raw.snippet);
        Some(SearchHit { kind, target, target_id, title, context, snippet })
    };
    Ok(match raw.kind.as_str() {
        "structure" => conn
            .query_row("SELECT commune_name, departement FROM structures WHERE id = ?1", [&raw.record_id], |r| {
                Ok((r.get::<_, Option<String>>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .optional()?
            .and_then(|(commune, dep)| {
                let context = match (commune, dep) {
                    (Some(c), Some(d)) => format!("{c} ({d})"),
                    (Some(c), None) => c,
                    _ => String::new(),
                };
                hit(SearchKind::Structure, TargetKind::Structure, raw.record_id.clone(), title.clone(), context)
            }),
        "contact" => conn
            .query_row("SELECT name FROM structures WHERE id = ?1", [&raw.extra], |r| r.get::<_, String>(0))
            .optional()?
            .and_then(|structure| {
                hit(SearchKind::Contact, TargetKind::Structure, raw.extra.clone(), title.clone(), structure)
            }),
        "case" => case_context(conn, &raw.record_id)?.and_then(|(_, structure, stage)| {
            hit(
                SearchKind::Case,
                TargetKind::Case,
                raw.record_id.clone(),
                title.clone(),
                format!("{structure} · {}", stage.label()),
            )
        }),
        "journal" => conn
            .query_row(
                "SELECT j.kind, j.occurred_on, j.case_id, c.reference, s.id, s.name
                 FROM journal_entries j JOIN structures s ON s.id = j.structure_id LEFT JOIN cases c ON c.id = j.case_id
                 WHERE j.id = ?1",
                [&raw.record_id],
                |r| {
                    Ok((
                        r.get::<_, JournalKind>(0)?,
                        r.get::<_, NaiveDate>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                },
            )
            .optional()?
            .map(|(kind, on, case_id, reference, structure_id, structure)| {
                let heading = plain(format!("{} du {}", kind.label(), on.format("%d/%m/%Y")));
                let context = match &reference {
                    Some(r) => format!("{structure} · {r}"),
                    None => structure,
                };
                let (target, id) = match case_id {
                    Some(c) => (TargetKind::Case, c),
                    None => (TargetKind::Structure, structure_id),
                };
                SearchHit {
                    kind: SearchKind::Journal,
                    target,
                    target_id: id,
                    title: heading,
                    context,
                    snippet: segments(&raw.snippet),
                }
            }),
        "diagnostic" | "finding" => case_context(conn, &raw.record_id)?.map(|(reference, structure, _)| {
            let domain = DiagnosticDomain::parse("domain", &raw.extra).ok();
            let heading = match domain {
                Some(d) => format!("{} · diagnostic {reference}", d.label()),
                None => format!("Diagnostic {reference}"),
            };
            SearchHit {
                kind: SearchKind::Diagnostic,
                target: TargetKind::Case,
                target_id: raw.record_id.clone(),
                title: plain(heading),
                context: structure,
                snippet: segments(&raw.snippet),
            }
        }),
        "engagement" => conn
            .query_row("SELECT theme FROM engagements WHERE id = ?1", [&raw.record_id], |r| {
                r.get::<_, crate::themes::Theme>(0)
            })
            .optional()?
            .and_then(|theme| {
                hit(
                    SearchKind::Engagement,
                    TargetKind::Engagement,
                    raw.record_id.clone(),
                    title.clone(),
                    theme.label().to_owned(),
                )
            }),
        "consultant" => conn
            .query_row("SELECT organisation FROM consultants WHERE id = ?1", [&raw.record_id], |r| {
                r.get::<_, Option<String>>(0)
            })
            .optional()?
            .and_then(|organisation| {
                hit(
                    SearchKind::Consultant,
                    TargetKind::Consultant,
                    raw.record_id.clone(),
                    title.clone(),
                    organisation.unwrap_or_else(|| "Indépendant·e".to_owned()),
                )
            }),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::segments;

    #[test]
    fn marks_become_segments() {
        let s = segments("Le \u{e000}Théâtre\u{e001} du \u{e000}Sillon\u{e001}");
        let parts: Vec<(&str, bool)> = s.iter().map(|x| (x.text.as_str(), x.hit)).collect();
        assert_eq!(parts, [("Le ", false), ("Théâtre", true), (" du ", false), ("Sillon", true)]);
    }
}
