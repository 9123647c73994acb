//! Jalons' domain and store. No Tauri here: the desktop shell and the CLI both call these
//! functions, and every rule lives in this crate.

pub mod attachments;
pub mod backup;
pub mod bindings;
pub mod cases;
pub mod clock;
pub mod consultants;
pub mod cooperation;
pub mod crypto;
mod demo;
pub mod diagnostic;
pub mod dossier;
pub mod durable;
pub mod employer;
pub mod engagements;
mod error;
pub mod finance;
pub mod follow_up;
pub mod french;
pub mod funders;
mod ids;
pub mod indicators;
pub mod journal;
pub mod labels;
pub mod observatory;
pub mod operator;
pub mod paging;
pub mod partners;
pub mod plan;
pub mod privacy;
pub mod reference;
pub mod search;
pub mod store;
pub mod structures;
pub mod tasks;
pub mod themes;
pub mod training;
pub mod values;
pub mod workflow;

pub use demo::DemoLoaded;
pub use error::{Error, ErrorCode, Result};
pub use store::Store;
