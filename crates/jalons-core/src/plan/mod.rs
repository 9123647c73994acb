//! The parcours d'accompagnement (domain.md §2): prioritised axes and their actions, the
//! optional comité d'appui, and the structure's validation.

mod enums;
mod input;
pub(crate) mod link;
mod model;
mod repo;

pub use enums::{ActionKind, ActionStatus};
pub use input::{ActionInput, AxisInput, PlanInput};
pub use model::{Axis, Plan, PlanAction};
