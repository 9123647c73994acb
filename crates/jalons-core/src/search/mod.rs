//! Global search: one FTS5 index (`search_index`, migration 0009) over structures,
//! contacts, cases, the journal, diagnostics, ingénieries and consultants, accent- and
//! case-insensitive, matching word prefixes as the user types.

mod hits;
mod model;
mod query;

pub use model::{SearchGroup, SearchHit, SearchKind, SearchResults, Segment, TargetKind};
pub use query::fts_query;
