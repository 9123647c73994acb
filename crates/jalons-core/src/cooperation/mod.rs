//! Cooperation projects between structures (domain.md §5): lieux partagés, PTCE, SCIC
//! creation or transformation, groupements d'employeurs, mergers, pooling. Each links
//! several structures and is reachable from each of them.

mod enums;
mod input;
mod model;
mod repo;

pub use enums::{CooperationKind, CooperationStage};
pub use input::{CooperationInput, MemberInput};
pub use model::{CooperationFilter, CooperationMember, CooperationProject};
