//! The rights of the people Jalons keeps (GDPR): who a request is for (person.rs), the
//! lawful basis of those named without a record (bases.rs), where
//! their data may be written (places.rs, read from the schema), how they are found in a
//! text (mentions.rs), one pass over the database (scan.rs), the right of access
//! (access.rs: everything held on them, as one text file), the right to erasure
//! (erase.rs), structures and cases deleted for real (removal.rs), retention and what is
//! due for purge (retention.rs), and the tombstones that
//! erase or delete them again after a restore (tombstones.rs).

mod access;
mod bases;
mod erase;
mod mentions;
mod person;
mod places;
mod removal;
mod retention;
mod scan;
mod tombstones;

pub use access::PersonData;
pub use bases::{KindBasis, TypedPeople};
pub use erase::ErasurePlan;
pub use mentions::ERASED;
pub use person::PersonRef;
pub use removal::DeletionPlan;
pub use retention::{
    DEFAULT as DEFAULT_RETENTION, DueItem, DueKind, PurgeChoice, PurgeItem, PurgeProgress, Purged, Retention,
    RetentionInput, run_purge,
};
pub(crate) use tombstones::all as tombstones;
