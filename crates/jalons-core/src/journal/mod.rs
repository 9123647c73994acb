//! The journal: what happened with a structure (rendez-vous, calls, site visits, e-mails,
//! collective meetings, notes), on the structure and optionally on one of its cases.

mod duration;
mod enums;
mod input;
mod model;
mod repo;

pub use enums::JournalKind;
pub use input::JournalInput;
pub use model::{JournalEntry, JournalFilter};
