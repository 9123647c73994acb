use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OwnerKind {
    Structure,
    Case,
    Engagement,
    Journal,
}

impl OwnerKind {
    pub(crate) fn column(self) -> &'static str {
        match self {
            OwnerKind::Structure => "structure_id",
            OwnerKind::Case => "case_id",
            OwnerKind::Engagement => "engagement_id",
            OwnerKind::Journal => "journal_id",
        }
    }

    pub(crate) fn table(self) -> &'static str {
        match self {
            OwnerKind::Structure => "structures",
            OwnerKind::Case => "cases",
            OwnerKind::Engagement => "engagements",
            OwnerKind::Journal => "journal_entries",
        }
    }
}

/// The record files are attached to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AttachmentOwner {
    pub kind: OwnerKind,
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Attachment {
    pub id: String,
    pub name: String,
    pub mime: String,
    /// Bytes.
    pub size: i64,
    pub confidential: bool,
    pub sha256: String,
    pub created_at: String,
}
