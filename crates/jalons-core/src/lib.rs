//! Jalons' domain and store. No Tauri here: the desktop shell and the CLI both call these
//! functions, and every rule lives in this crate.

pub mod bindings;
pub mod cases;
mod demo;
mod error;
mod ids;
pub mod labels;
pub mod reference;
pub mod store;
pub mod structures;
pub mod values;

pub use demo::DemoLoaded;
pub use error::{Error, ErrorCode, Result};
pub use store::Store;
