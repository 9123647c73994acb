//! Accompaniment cases (domain.md §2): opening, listing, and the rule for which sections of
//! a case may be written. The stage machine lives in `workflow`.

mod attention;
mod belongs;
mod editable;
mod enums;
mod input;
mod list;
mod model;
mod repo;

pub(crate) use belongs::check_structure_and_case;
pub use editable::CasePart;
pub(crate) use editable::editable_case;
pub use enums::{Attention, ReferralSource, RequestChannel, Stage};
pub use input::CaseInput;
pub use model::{Case, CaseFilter, CaseScope, CaseSort, CaseSummary, StageCount};
