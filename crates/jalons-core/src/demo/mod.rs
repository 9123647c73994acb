//! Demonstration data: fictitious French cultural and ESS structures with valid
//! identifiers, their requests, and cases carried to every stage of the workflow. Loaded
//! only into an empty database.

mod workflow;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cases::CaseInput;
use crate::employer::ObligationInput;
use crate::finance::FinanceInput;
use crate::structures::StructureInput;
use crate::{Error, Result, Store};

const DEMO: &str = include_str!("../../../../assets/demo/demo.json");
const EMPLOYER: &str = include_str!("../../../../assets/demo/employer.json");
const FINANCE: &str = include_str!("../../../../assets/demo/finance.json");

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
                "La base contient déjà des structures : les données de démonstration ne se chargent que dans une base vide.",
            ));
        }
        let demo: Demo = serde_json::from_str(DEMO)?;
        // All of it or nothing: the per-record writes nest in this savepoint.
        self.conn().execute_batch("SAVEPOINT demo")?;
        let result = (|| {
            let mut ids = Vec::with_capacity(demo.structures.len());
            for s in &demo.structures {
                ids.push(
                    self.create_structure(s).map_err(|e| Error::internal(format!("Démo, « {} » : {e}", s.name)))?.id,
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
                let case = self.open_case(&CaseInput {
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
                self.save_obligations(&ids[e.structure], &e.obligations).map_err(|err| {
                    Error::internal(format!("Démo, obligations de la structure n° {} : {err}", e.structure))
                })?;
            }
            let opened: Vec<workflow::OpenedCase> = opened.into_iter().flatten().collect();
            let (consultants, engagements) = workflow::advance(self, &opened)?;
            let finance: Finance = serde_json::from_str(FINANCE)?;
            for f in finance.applications {
                let input = FinanceInput { case_id: opened[f.case].id.clone(), ..f.input };
                self.create_finance_application(&input).map_err(|e| {
                    Error::internal(format!("Démo, financement de l'accompagnement n° {} : {e}", f.case))
                })?;
            }
            Ok(DemoLoaded { structures: ids.len(), cases: demo.cases.len(), consultants, engagements })
        })();
        match result {
            Ok(loaded) => {
                self.conn().execute_batch("RELEASE demo")?;
                Ok(loaded)
            }
            Err(e) => {
                self.conn().execute_batch("ROLLBACK TO demo; RELEASE demo")?;
                Err(e)
            }
        }
    }
}
