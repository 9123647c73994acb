//! The partner directory (CRESS, other DLA, federations and networks, OPCO, France Active,
//! banks, local authorities, other accompaniers) and the referrals of cases to them: the
//! "structuration" axis of the 2015 convention (domain.md §1).

mod enums;
mod input;
mod model;
mod referrals;
mod repo;

pub use enums::{PartnerKind, ReferralOutcome};
pub use input::{PartnerContactInput, PartnerInput, ReferralInput};
pub use model::{Partner, PartnerContact, PartnerFilter, PartnerReferrals, Referral, ReferralFilter};
pub(crate) use referrals::record_exit_referral;
