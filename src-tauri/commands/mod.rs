//! Thin commands, one file per area: deserialise, call the core, return its result.

pub mod cases;
pub mod reference;
pub mod settings;
pub mod structures;
