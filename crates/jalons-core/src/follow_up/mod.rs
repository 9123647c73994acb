//! The follow-up (suivi / consolidation), 12 to 18 months after the diagnostic: jobs and
//! ETP against the diagnostic's, appropriation, new needs and the four 2017 performance
//! criteria.

mod due;
mod enums;
mod input;
mod model;
mod repo;

pub use due::{DueState, FollowUpDue, due_if_validated_by, follow_up_due};
pub use enums::{APPROPRIATION_LABELS, Trend};
pub use input::FollowUpInput;
pub use model::{FollowUp, FollowUpRecord};
