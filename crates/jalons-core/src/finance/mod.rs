//! Access to solidarity finance (domain.md §5): applications per tool made during a case,
//! with the amounts requested and obtained and their totals per case and per structure.

mod enums;
mod input;
mod model;
mod repo;

pub use enums::{FinanceStatus, FinanceTool};
pub use input::FinanceInput;
pub use model::{FinanceApplication, FinanceFilter, FinanceOverview, FinanceSummary, ToolTotal};
