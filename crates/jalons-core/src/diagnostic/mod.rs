//! The shared diagnostic (domain.md §3): interviews, the eleven-domain grid scored 0 to 3,
//! the problem statement, recommendations and the governing body's validation.

mod enums;
mod input;
pub(crate) mod met;
mod model;
mod repo;

pub use enums::{DiagnosticDomain, SCORE_LABELS};
pub use input::{DiagnosticInput, InterviewInput, ScoreInput};
pub use met::MetContact;
pub use model::{Diagnostic, DomainScore, Interview, PreviousDiagnostic};
