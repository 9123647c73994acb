//! Jalons' documents for funders (domain.md §9): the case summary as PDF, period reports
//! as XLSX, ODS and CSV. The figures come from `jalons-core`; this crate only lays them out.

mod french;
pub mod summary;
mod typeset;

pub use summary::{summary_pdf, summary_preview};
