//! Training and skills (domain.md §5): the structure's OPCO and its training plan (plan de
//! développement des compétences), actions with hours, cost and funding, totals per year.

mod enums;
mod input;
mod model;
mod repo;

pub use enums::{Opco, TrainingStatus};
pub use input::TrainingActionInput;
pub use model::{TrainingAction, TrainingPlan, TrainingYear};
pub(crate) use repo::ENTITY;
