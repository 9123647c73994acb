//! Ingénieries (domain.md §4): consultant work for one case (individual) or several
//! (collective), from terms of reference to final report, with cost HT and TTC derived
//! from days, day rate and VAT.

mod enums;
mod input;
mod model;
mod repo;

pub(crate) use enums::Milestones;
pub use enums::{EngagementMode, EngagementStatus, VAT_RATES};
pub use input::{EngagementInput, OfferInput};
pub use model::{Engagement, EngagementFilter, LinkedCase, Offer};
