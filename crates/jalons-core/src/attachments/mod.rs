//! Attached files: copied into the folder beside the database and stored once by their
//! SHA-256, attached to a structure, a case, an ingénierie or a journal entry. A stored
//! file is reached by its hash only, never by a path the UI sends back.

pub(crate) mod files;
mod model;
mod repo;

pub use files::{MAX_SIZE, Swept};
pub use model::{Attachment, AttachmentOwner, OwnerKind};
pub(crate) use repo::remove_for_journal;
