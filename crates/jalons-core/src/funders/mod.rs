//! Funder lines: a funder (the State, Banque des Territoires, a région, the ESF+…) and the
//! programme or convention that pays, over a period. A case records the lines that pay for
//! it, an ingénierie the one line that pays for it; period reports are filtered by line.

mod case_lines;
mod input;
mod model;
mod repo;

pub use case_lines::{CaseFunder, CaseFunderInput};
pub use input::FunderInput;
pub use model::Funder;
pub(crate) use model::label;
pub(crate) use repo::check_funder;
