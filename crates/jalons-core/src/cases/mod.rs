//! Accompaniment cases (domain.md §2). This slice opens a case at the intake stage; the
//! stage machine itself comes with the workflow.

mod enums;
mod input;
mod model;
mod repo;

pub use enums::{ReferralSource, RequestChannel, Stage};
pub use input::CaseInput;
pub use model::{Case, CaseFilter, CaseSummary};
