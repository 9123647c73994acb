//! The accompaniment workflow (domain.md §2): the stage machine, its guards, and the
//! timeline every move appends to.

mod machine;
pub(crate) mod progress;
pub(crate) mod timeline;
mod transition;

pub use machine::{MoveKind, classify, moves_from};
pub use timeline::TimelineEntry;
pub use transition::{CaseWorkflow, MoveOption, TransitionInput};
