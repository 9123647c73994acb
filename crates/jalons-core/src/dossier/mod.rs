//! Everything known of one case, gathered in one read for the documents sent to funders
//! (domain.md §9). What a document shows of it is the exporter's choice; the confidential
//! parts are chosen by the chargé(e) de mission (`DossierParts`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cases::Case;
use crate::diagnostic::Diagnostic;
use crate::engagements::{Engagement, EngagementFilter};
use crate::finance::FinanceApplication;
use crate::follow_up::FollowUp;
use crate::funders::CaseFunder;
use crate::operator::{Logo, Operator};
use crate::paging::PageRequest;
use crate::partners::{Referral, ReferralFilter};
use crate::plan::Plan;
use crate::structures::Structure;
use crate::workflow::TimelineEntry;
use crate::{Result, Store};

#[derive(Debug, Clone)]
pub struct CaseDossier {
    pub case: Case,
    pub structure: Structure,
    pub timeline: Vec<TimelineEntry>,
    pub diagnostic: Diagnostic,
    pub plan: Plan,
    pub engagements: Vec<Engagement>,
    pub follow_up: FollowUp,
    pub referrals: Vec<Referral>,
    pub finance: Vec<FinanceApplication>,
    pub funders: Vec<CaseFunder>,
    pub operator: Option<Operator>,
    pub logo: Option<Logo>,
}

/// The confidential parts a summary may show. The structure agrees to share its diagnostic's
/// scores; its detailed findings, its finances and the names of its people stay out unless
/// the chargé(e) de mission includes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DossierParts {
    /// The scores of the eleven domains.
    pub scores: bool,
    /// The finding written for each domain.
    pub findings: bool,
    /// Budget, own funds, cash, and the solidarity finance applications.
    pub finances: bool,
    /// The requester's and the people's names.
    pub people: bool,
}

impl Default for DossierParts {
    fn default() -> Self {
        Self { scores: true, findings: false, finances: false, people: false }
    }
}

/// A summary's pages as SVG pictures, shown before saving, and the file name proposed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SummaryPreview {
    pub pages: Vec<String>,
    /// `Fiche de synthèse 2026-014 Compagnie du Sillon.pdf`.
    pub file_name: String,
}

/// Where a batch stands, sent after each summary written
/// by a batch into one folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BatchProgress {
    pub done: usize,
    pub total: usize,
    /// Set once the batch is over, cancelled or not.
    pub finished: bool,
    pub cancelled: bool,
    pub folder: String,
}

impl Store {
    pub fn case_dossier(&self, case_id: &str) -> Result<CaseDossier> {
        let case = self.get_case(case_id)?;
        let id = case.id.clone();
        Ok(CaseDossier {
            structure: self.get_structure(&case.structure_id)?,
            timeline: self.case_workflow(&id)?.timeline,
            diagnostic: self.get_diagnostic(&id)?,
            plan: self.get_plan(&id)?,
            engagements: self
                .list_engagements(
                    &EngagementFilter { case_id: Some(id.clone()), include_finished: true, ..Default::default() },
                    PageRequest::LARGEST,
                )?
                .rows,
            follow_up: self.get_follow_up(&id)?,
            referrals: self
                .list_referrals(
                    &ReferralFilter { case_id: Some(id.clone()), ..Default::default() },
                    PageRequest::LARGEST,
                )?
                .rows,
            finance: self.case_finance(&id)?.applications,
            funders: self.case_funders(&id)?,
            operator: self.operator()?,
            logo: self.operator_logo()?,
            case,
        })
    }
}
