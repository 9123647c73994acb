//! Thin commands, one file per area: deserialise, call the core, return its result.

pub mod attachments;
pub mod backups;
pub mod cases;
pub mod consultants;
pub mod cooperation;
pub mod diagnostic;
pub mod employer;
pub mod encryption;
pub mod engagements;
pub mod exports;
pub mod finance;
pub mod follow_up;
pub mod funders;
pub mod journal;
pub mod observatory;
pub mod partners;
pub mod plan;
pub mod privacy;
pub mod reference;
pub mod search;
pub mod settings;
pub mod structures;
pub mod tasks;
pub mod training;
pub mod workflow;
