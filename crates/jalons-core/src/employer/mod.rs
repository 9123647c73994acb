//! The employer function of a structure (domain.md §5): its obligations checklist with
//! periods and due dates, late items flagged. The agreements applied (IDCC) are on the
//! structure record, named from `reference::idcc`.

mod enums;
mod input;
mod model;
mod repo;

pub use enums::{ObligationKind, ObligationStatus};
pub use input::ObligationInput;
pub use model::{EmployerFunction, Obligation};
pub(crate) use repo::{ENTITY, LATE_SQL};
