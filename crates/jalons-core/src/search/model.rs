use serde::Serialize;
use ts_rs::TS;

use crate::labels::labelled_enum;

labelled_enum!(
    /// The groups of the results, in the order they are shown.
    SearchKind, "le type de résultat" {
        Structure => "structure", "Structures";
        Contact => "contact", "Contacts";
        Case => "case", "Accompagnements";
        Journal => "journal", "Journal";
        Diagnostic => "diagnostic", "Diagnostics";
        Engagement => "engagement", "Ingénieries";
        Consultant => "consultant", "Consultants";
    }
);

/// The page a result opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    Structure,
    Case,
    Engagement,
    Consultant,
}

/// A piece of text, marked when it matched a word of the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub target: TargetKind,
    pub target_id: String,
    pub title: Vec<Segment>,
    /// Where the record belongs: the structure, the case, the date.
    pub context: String,
    /// The matching passage of a longer text, when the title did not hold the match.
    pub snippet: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchGroup {
    pub kind: SearchKind,
    pub hits: Vec<SearchHit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchResults {
    pub query: String,
    pub groups: Vec<SearchGroup>,
}
