//! Demonstration data: fictitious French cultural and ESS structures with valid
//! identifiers, their requests, and cases carried to every stage of the workflow. Loaded
//! only into an empty database.

mod workflow;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::attachments::{AttachmentOwner, OwnerKind};
use crate::cases::CaseInput;
use crate::cooperation::{CooperationInput, MemberInput};
use crate::employer::ObligationInput;
use crate::finance::FinanceInput;
use crate::funders::{CaseFunderInput, FunderInput};
use crate::journal::JournalInput;
use crate::operator::OperatorInput;
use crate::partners::{PartnerInput, ReferralInput};
use crate::structures::StructureInput;
use crate::tasks::TaskInput;
use crate::training::TrainingActionInput;
use crate::{Error, Result, Store};

const DEMO: &str = include_str!("../../../../assets/demo/demo.json");
const EMPLOYER: &str = include_str!("../../../../assets/demo/employer.json");
const FINANCE: &str = include_str!("../../../../assets/demo/finance.json");
const PARTNERS: &str = include_str!("../../../../assets/demo/partners.json");
const COOPERATION: &str = include_str!("../../../../assets/demo/cooperation.json");
const TRAINING: &str = include_str!("../../../../assets/demo/training.json");
const JOURNAL: &str = include_str!("../../../../assets/demo/journal.json");
const TASKS: &str = include_str!("../../../../assets/demo/tasks.json");
const FUNDERS: &str = include_str!("../../../../assets/demo/funders.json");
const LOGO: &[u8] = include_bytes!("../../../../assets/demo/logo-dla.svg");
/// A file attached to the first demo case, when the database is on disk.
const ATTACHMENT: (&str, &[u8]) = (
    "synthese-diagnostic-sillon.pdf",
    include_bytes!("../../../../assets/demo/fichiers/synthese-diagnostic-sillon.pdf"),
);

#[derive(Deserialize)]
struct DemoTask {
    /// Index into the demo's cases.
    case: usize,
    /// Days from the day the demo is loaded.
    in_days: i64,
    title: String,
}

#[derive(Deserialize)]
struct Tasks {
    tasks: Vec<DemoTask>,
}

/// A journal entry on a demo case (`case`, dated `days` after its request) or on a structure
/// alone (`structure`, dated `date`).
#[derive(Deserialize)]
struct DemoJournal {
    case: Option<usize>,
    structure: Option<usize>,
    #[serde(default)]
    days: u64,
    #[serde(default)]
    date: String,
    #[serde(flatten)]
    input: JournalInput,
}

#[derive(Deserialize)]
struct Journal {
    entries: Vec<DemoJournal>,
}

#[derive(Deserialize)]
struct DemoTraining {
    /// Index into the demo's structures.
    structure: usize,
    opco: String,
    actions: Vec<TrainingActionInput>,
}

#[derive(Deserialize)]
struct Training {
    structures: Vec<DemoTraining>,
}

#[derive(Deserialize)]
struct DemoMember {
    /// Index into the demo's structures.
    structure: usize,
    role: String,
}

#[derive(Deserialize)]
struct DemoProject {
    #[serde(flatten)]
    input: CooperationInput,
    #[serde(rename = "members")]
    demo_members: Vec<DemoMember>,
}

#[derive(Deserialize)]
struct Cooperation {
    projects: Vec<DemoProject>,
}

#[derive(Deserialize)]
struct DemoReferral {
    /// Index into the demo's cases.
    case: usize,
    /// Index into `partners`.
    partner: usize,
    /// Days after the request.
    days: u64,
    reason: String,
    outcome: String,
    #[serde(default)]
    outcome_note: String,
}

#[derive(Deserialize)]
struct Partners {
    partners: Vec<PartnerInput>,
    referrals: Vec<DemoReferral>,
}

#[derive(Deserialize)]
struct DemoFinance {
    /// Index into the demo's cases.
    case: usize,
    #[serde(flatten)]
    input: FinanceInput,
}

#[derive(Deserialize)]
struct Finance {
    applications: Vec<DemoFinance>,
}

#[derive(Deserialize)]
struct DemoEmployer {
    /// Index into the demo's structures.
    structure: usize,
    obligations: Vec<ObligationInput>,
}

#[derive(Deserialize)]
struct Employer {
    structures: Vec<DemoEmployer>,
}

#[derive(Deserialize)]
struct DemoCase {
    /// Index into `structures`.
    structure: usize,
    request_date: String,
    channel: String,
    requester: String,
    referral_source: String,
    request_text: String,
}

#[derive(Deserialize)]
struct Funders {
    operator: OperatorInput,
    funders: Vec<FunderInput>,
    /// The lines that pay for every case requested from their period's start, each with
    /// its share of the case in percent.
    case_lines: Vec<(String, String)>,
}

#[derive(Deserialize)]
struct Demo {
    structures: Vec<StructureInput>,
    cases: Vec<DemoCase>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct DemoLoaded {
    pub structures: usize,
    pub cases: usize,
    pub consultants: usize,
    pub engagements: usize,
    pub partners: usize,
    pub cooperations: usize,
}

impl Store {
    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self.conn().query_row("SELECT COUNT(*) FROM structures", [], |r| r.get(0))?;
        Ok(n == 0)
    }

    pub fn load_demo(&mut self) -> Result<DemoLoaded> {
        if !self.is_empty()? {
            return Err(Error::conflict(
                None,
                "La base contient déjà des structures\u{a0}: les données de démonstration ne se chargent que dans une base vide.",
            ));
        }
        let demo: Demo = serde_json::from_str(DEMO)?;
        // All of it or nothing: the per-record writes nest in this transaction.
        self.all_or_nothing(|store| {
            let mut ids = Vec::with_capacity(demo.structures.len());
            for s in &demo.structures {
                ids.push(
                    store
                        .create_structure(s)
                        .map_err(|e| Error::internal(format!("Démo, «\u{a0}{}\u{a0}»\u{a0}: {e}", s.name)))?
                        .id,
                );
            }
            // Opened in request order, so that the yearly references follow the dates.
            let mut order: Vec<usize> = (0..demo.cases.len()).collect();
            order.sort_by(|&a, &b| demo.cases[a].request_date.cmp(&demo.cases[b].request_date));
            let mut opened: Vec<Option<workflow::OpenedCase>> = (0..demo.cases.len()).map(|_| None).collect();
            for i in order {
                let c = &demo.cases[i];
                let structure = &demo.structures[c.structure];
                let headcount = [
                    &structure.employees_cdi,
                    &structure.employees_cdd,
                    &structure.employees_aided,
                    &structure.employees_intermittent,
                ]
                .iter()
                .filter_map(|n| n.trim().parse::<i64>().ok())
                .reduce(|a, b| a + b);
                let case = store.open_case(&CaseInput {
                    structure_id: ids[c.structure].clone(),
                    request_date: c.request_date.clone(),
                    channel: c.channel.clone(),
                    requester: c.requester.clone(),
                    referral_source: c.referral_source.clone(),
                    request_text: c.request_text.clone(),
                })?;
                opened[i] = Some(workflow::OpenedCase {
                    id: case.id,
                    request_date: case.request_date,
                    headcount,
                    etp: crate::values::Etp::parse_optional("etp", &structure.etp)?.map(|e| e.0),
                });
            }
            let employer: Employer = serde_json::from_str(EMPLOYER)?;
            for e in &employer.structures {
                store.save_obligations(&ids[e.structure], &e.obligations).map_err(|err| {
                    Error::internal(format!("Démo, obligations de la structure n° {}\u{a0}: {err}", e.structure))
                })?;
            }
            let opened: Vec<workflow::OpenedCase> = opened.into_iter().flatten().collect();
            // Before the workflow, whose ingénieries name their funder line.
            let funders: Funders = serde_json::from_str(FUNDERS)?;
            store.save_operator(&funders.operator)?;
            store.set_operator_logo_bytes("logo-dla.svg", LOGO.to_vec())?;
            let mut case_lines = Vec::new();
            for f in &funders.funders {
                let line = store.create_funder(f)?;
                if let Some((_, share)) = funders.case_lines.iter().find(|(name, _)| *name == line.name) {
                    case_lines.push((line, share.clone()));
                }
            }
            for case in &opened {
                let lines: Vec<CaseFunderInput> = case_lines
                    .iter()
                    .filter(|(l, _)| l.period_start.is_none_or(|start| start <= case.request_date))
                    .map(|(l, share)| CaseFunderInput {
                        funder_id: l.id.clone(),
                        share: share.clone(),
                        ..Default::default()
                    })
                    .collect();
                if !lines.is_empty() {
                    store.set_case_funders(&case.id, &lines)?;
                }
            }
            // Before the workflow, whose referred exits name partners of the directory.
            let partners: Partners = serde_json::from_str(PARTNERS)?;
            let mut partner_ids = Vec::with_capacity(partners.partners.len());
            for p in &partners.partners {
                partner_ids.push(
                    store
                        .create_partner(p)
                        .map_err(|e| Error::internal(format!("Démo, partenaire «\u{a0}{}\u{a0}»\u{a0}: {e}", p.name)))?
                        .id,
                );
            }
            for r in partners.referrals {
                let case = &opened[r.case];
                store
                    .create_referral(&ReferralInput {
                        case_id: case.id.clone(),
                        partner_id: partner_ids[r.partner].clone(),
                        referred_on: (case.request_date + chrono::Days::new(r.days)).to_string(),
                        reason: r.reason,
                        outcome: r.outcome,
                        outcome_note: r.outcome_note,
                    })
                    .map_err(|e| {
                        Error::internal(format!("Démo, orientation de l'accompagnement n° {}\u{a0}: {e}", r.case))
                    })?;
            }
            let journal: Journal = serde_json::from_str(JOURNAL)?;
            for j in journal.entries {
                let (structure_id, case_id, occurred_on) = match (j.case, j.structure) {
                    (Some(c), _) => (
                        ids[demo.cases[c].structure].clone(),
                        opened[c].id.clone(),
                        (opened[c].request_date + chrono::Days::new(j.days)).to_string(),
                    ),
                    (None, Some(s)) => (ids[s].clone(), String::new(), j.date.clone()),
                    (None, None) => return Err(Error::internal("Démo\u{a0}: une entrée du journal sans structure.")),
                };
                store
                    .create_journal_entry(&JournalInput { structure_id, case_id, occurred_on, ..j.input })
                    .map_err(|e| Error::internal(format!("Démo, journal\u{a0}: {e}")))?;
            }
            let tasks: Tasks = serde_json::from_str(TASKS)?;
            let today = store.today();
            for t in tasks.tasks {
                let due = today + chrono::Duration::days(t.in_days);
                store
                    .create_task(&TaskInput {
                        structure_id: ids[demo.cases[t.case].structure].clone(),
                        case_id: opened[t.case].id.clone(),
                        title: t.title,
                        due_on: due.to_string(),
                    })
                    .map_err(|e| Error::internal(format!("Démo, tâche\u{a0}: {e}")))?;
            }
            if store.files_dir.is_some() {
                let dir = std::env::temp_dir().join(format!("jalons-demo-{}", crate::ids::new_id()));
                let path = dir.join(ATTACHMENT.0);
                std::fs::create_dir_all(&dir)
                    .and_then(|()| std::fs::write(&path, ATTACHMENT.1))
                    .map_err(|e| Error::internal(format!("Démo, pièce jointe\u{a0}: {e}")))?;
                let owner = AttachmentOwner { kind: OwnerKind::Case, id: opened[0].id.clone() };
                let attached = store.attach_file(&owner, &path, true);
                std::fs::remove_dir_all(&dir).ok();
                attached?;
            }
            let training: Training = serde_json::from_str(TRAINING)?;
            for t in training.structures {
                let id = &ids[t.structure];
                let context = |e: Error| {
                    Error::internal(format!("Démo, formation de la structure n° {}\u{a0}: {e}", t.structure))
                };
                store.set_opco(id, &t.opco).map_err(context)?;
                for a in t.actions {
                    store
                        .create_training_action(&TrainingActionInput { structure_id: id.clone(), ..a })
                        .map_err(context)?;
                }
            }
            let cooperation: Cooperation = serde_json::from_str(COOPERATION)?;
            let cooperations = cooperation.projects.len();
            for p in cooperation.projects {
                let members = p
                    .demo_members
                    .iter()
                    .map(|m| MemberInput { structure_id: ids[m.structure].clone(), role: m.role.clone() })
                    .collect();
                let input = CooperationInput { members, ..p.input };
                store.create_cooperation(&input).map_err(|e| {
                    Error::internal(format!("Démo, coopération «\u{a0}{}\u{a0}»\u{a0}: {e}", input.name))
                })?;
            }
            let (consultants, engagements) = workflow::advance(store, &opened)?;
            let finance: Finance = serde_json::from_str(FINANCE)?;
            for f in finance.applications {
                let input = FinanceInput { case_id: opened[f.case].id.clone(), ..f.input };
                store.create_finance_application(&input).map_err(|e| {
                    Error::internal(format!("Démo, financement de l'accompagnement n° {}\u{a0}: {e}", f.case))
                })?;
            }
            Ok(DemoLoaded {
                structures: ids.len(),
                cases: demo.cases.len(),
                consultants,
                engagements,
                partners: partner_ids.len(),
                cooperations,
            })
        })
    }
}
