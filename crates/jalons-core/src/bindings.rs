//! The TypeScript view of every type that crosses the IPC boundary, generated from the
//! Rust types into one file the UI imports (`ui/src/lib/bindings.ts`). A test fails when
//! the committed file is stale; `UPDATE_BINDINGS=1 cargo test -p jalons-core --test bindings`
//! rewrites it.

use ts_rs::{Config, TS};

use crate::attachments::{Attachment, AttachmentOwner, OwnerKind};
use crate::backup::{BackupInfo, BackupReason, BackupStatus, Holding, Restored, Startup};
use crate::cases::{
    Attention, Case, CaseFilter, CaseInput, CasePart, CaseScope, CaseSort, CaseSummary, ReferralSource, RequestChannel,
    Stage, StageCount,
};
use crate::consultants::{Consultant, ConsultantFilter, ConsultantInput};
use crate::cooperation::{
    CooperationFilter, CooperationInput, CooperationKind, CooperationMember, CooperationProject, CooperationStage,
    MemberInput,
};
use crate::crypto::{EncryptionStatus, LockNeed, PhraseStrength, Unlocked};
use crate::diagnostic::{
    Diagnostic, DiagnosticDomain, DiagnosticInput, DomainScore, Interview, InterviewInput, MetContact,
    PreviousDiagnostic, ScoreInput,
};
use crate::dossier::{BatchProgress, DossierParts, SummaryPreview};
use crate::employer::{EmployerFunction, Obligation, ObligationInput, ObligationKind, ObligationStatus};
use crate::engagements::{
    Engagement, EngagementFilter, EngagementInput, EngagementMode, EngagementStatus, LinkedCase, Offer, OfferInput,
};
use crate::finance::{
    FinanceApplication, FinanceFilter, FinanceInput, FinanceOverview, FinanceStatus, FinanceSummary, FinanceTool,
    ToolTotal,
};
use crate::follow_up::{DueState, FollowUp, FollowUpDue, FollowUpInput, FollowUpRecord, Trend};
use crate::funders::{CaseFunder, CaseFunderInput, Funder, FunderInput};
use crate::indicators::{CriterionCount, Period, PeriodTotals, ReportFilter, ReportFormat, ToolAmounts, Totals};
use crate::journal::{JournalEntry, JournalFilter, JournalInput, JournalKind};
use crate::labels::Choice;
use crate::observatory::{
    AreaTally, DomainNeeds, EngagementTally, ImageFormat, Observatory, ObservatoryChart, ObservatoryChoices,
    ObservatoryFilter, TableFormat, Tally,
};
use crate::operator::{Logo, Operator, OperatorInput};
use crate::paging::{Page, PageRequest};
use crate::partners::{
    Partner, PartnerContact, PartnerContactInput, PartnerFilter, PartnerInput, PartnerKind, PartnerReferrals, Referral,
    ReferralFilter, ReferralInput, ReferralOutcome,
};
use crate::plan::{ActionInput, ActionKind, ActionStatus, Axis, AxisInput, Plan, PlanAction, PlanInput};
use crate::privacy::{
    DeletionPlan, DueItem, DueKind, ErasurePlan, KindBasis, PersonRef, PurgeChoice, PurgeItem, PurgeProgress, Purged,
    Retention, RetentionInput, TypedPeople,
};
use crate::reference::{Commune, CommuneList, CommuneListKind, CommuneLists, FrrOfCommune, LoadedList, ReferenceData};
use crate::search::{SearchGroup, SearchHit, SearchKind, SearchResults, Segment, TargetKind};
use crate::store::Settings;
use crate::store::audit::{AuditEntry, FieldChange};
use crate::store::chain::ChainCheck;
use crate::structures::{
    ArchiveFilter, BudgetBand, Contact, ContactInput, ContactRole, Frr, HeadcountBand, LawfulBasis, LegalForm,
    Structure, StructureFilter, StructureInput, StructureSort, StructureSummary,
};
use crate::tasks::{AgendaItem, AgendaPage, AgendaShown, AgendaSource, Task, TaskFilter, TaskInput};
use crate::themes::Theme;
use crate::training::{Opco, TrainingAction, TrainingActionInput, TrainingPlan, TrainingStatus, TrainingYear};
use crate::values::{CommuneCode, Days, Etp, Hours, Idcc, Money, Naf, Rna, Share, Siren, Siret};
use crate::workflow::{CaseWorkflow, MoveKind, MoveOption, TimelineEntry, TransitionInput};
use crate::{DemoLoaded, Error, ErrorCode};

macro_rules! declarations {
    ($cfg:expr; $($t:ty),+ $(,)?) => {
        vec![$(format!("export {}", <$t as TS>::decl($cfg))),+]
    };
}

pub fn typescript() -> String {
    // Cents and ETP hundredths stay far below 2^53: plain numbers in TypeScript.
    let cfg = Config::new().with_large_int("number");
    let decls = declarations!(&cfg;
        Error, ErrorCode, Page<()>, PageRequest, Choice, ReferenceData, Commune, CommuneListKind, CommuneList, CommuneLists, LoadedList, FrrOfCommune, Settings, DemoLoaded, AuditEntry, FieldChange,
        Money, Etp, Days, Hours, Share, Siren, Siret, Rna, Naf, Idcc, CommuneCode,
        LegalForm, Frr, ContactRole, LawfulBasis, BudgetBand, HeadcountBand, Structure, Contact, StructureInput, ContactInput,
        StructureFilter, StructureSort, ArchiveFilter, StructureSummary,
        Stage, CasePart, RequestChannel, ReferralSource, Case, CaseSummary, CaseInput, CaseFilter, CaseScope, CaseSort, Attention, StageCount,
        Theme, MoveKind, MoveOption, CaseWorkflow, TimelineEntry, TransitionInput,
        DiagnosticDomain, Diagnostic, DomainScore, Interview, PreviousDiagnostic, DiagnosticInput, InterviewInput, ScoreInput, MetContact,
        ActionKind, ActionStatus, Plan, Axis, PlanAction, PlanInput, AxisInput, ActionInput,
        Consultant, ConsultantFilter, ConsultantInput,
        EngagementMode, EngagementStatus, Engagement, LinkedCase, Offer, EngagementFilter, EngagementInput, OfferInput,
        Trend, DueState, FollowUpDue, FollowUp, FollowUpRecord, FollowUpInput,
        ObligationKind, ObligationStatus, Obligation, EmployerFunction, ObligationInput,
        FinanceTool, FinanceStatus, FinanceApplication, FinanceSummary, FinanceInput, FinanceFilter, FinanceOverview, ToolTotal,
        ChainCheck, Funder, FunderInput, CaseFunder, CaseFunderInput, Operator, OperatorInput, Logo, DossierParts, SummaryPreview, BatchProgress,
        ReportFilter, Period, PeriodTotals, Totals, ToolAmounts,
        CriterionCount, ReportFormat,
        ObservatoryFilter, Observatory, ObservatoryChart, ObservatoryChoices, Tally, TableFormat, ImageFormat, AreaTally, EngagementTally, DomainNeeds,
        PartnerKind, ReferralOutcome, Partner, PartnerContact, PartnerFilter, PartnerInput, PartnerContactInput,
        Referral, ReferralFilter, ReferralInput, PartnerReferrals,
        CooperationKind, CooperationStage, CooperationProject, CooperationMember, CooperationFilter, CooperationInput,
        MemberInput,
        SearchKind, TargetKind, Segment, SearchHit, SearchGroup, SearchResults,
        OwnerKind, AttachmentOwner, Attachment,
        PersonRef, ErasurePlan, TypedPeople, KindBasis, DeletionPlan, Retention, RetentionInput, DueKind, DueItem,
        PurgeItem, PurgeChoice, PurgeProgress, Purged,
        BackupReason, BackupInfo, Holding, BackupStatus, Restored, Startup, LockNeed, PhraseStrength, EncryptionStatus, Unlocked,
        Task, TaskFilter, TaskInput, AgendaSource, AgendaItem, AgendaShown, AgendaPage,
        JournalKind, JournalEntry, JournalFilter, JournalInput,
        Opco, TrainingStatus, TrainingAction, TrainingYear, TrainingPlan, TrainingActionInput,
    );
    format!(
        "// Generated from the Rust types by jalons-core (src/bindings.rs). Do not edit.\n\n{}\n",
        decls.join("\n\n")
    )
}
