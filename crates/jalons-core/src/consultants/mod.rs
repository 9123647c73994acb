//! The consultant registry (domain.md §4): who the DLA hires for ingénieries, their skills,
//! sectors and day rate.

mod input;
mod model;
mod repo;

pub use input::ConsultantInput;
pub use model::{Consultant, ConsultantFilter};
