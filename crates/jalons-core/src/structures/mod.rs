//! Structures accompanied (domain.md §6): identity, territory, size and money, networks,
//! contacts. Archived rather than deleted, since cases and reports refer to them.

mod bands;
mod enums;
mod input;
mod list;
mod model;
mod repo;

pub use bands::{BudgetBand, HeadcountBand};
pub use enums::{ContactRole, Frr, LawfulBasis, LegalForm};
pub use input::{ContactInput, StructureInput};
pub use list::{ArchiveFilter, StructureFilter, StructureSort, StructureSummary};
pub(crate) use model::total_employees;
pub use model::{Contact, Structure};
