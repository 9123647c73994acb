//! Carries the demonstration cases through the workflow (`assets/demo/workflow.json`), so
//! that every stage, exit and kind of ingénierie can be seen. Dates are counted in days
//! from each case's request, and every step goes through the same checked commands as the
//! app's.

use std::collections::HashMap;

use chrono::{Days as ChronoDays, Months, NaiveDate};
use serde::Deserialize;

use crate::cases::Stage;
use crate::consultants::ConsultantInput;
use crate::diagnostic::{DiagnosticDomain, DiagnosticInput, InterviewInput, ScoreInput};
use crate::engagements::{EngagementInput, OfferInput};
use crate::follow_up::FollowUpInput;
use crate::paging::PageRequest;
use crate::partners::PartnerFilter;
use crate::plan::{ActionInput, ActionKind, AxisInput, PlanInput};
use crate::workflow::TransitionInput;
use crate::{Error, Result, Store};

const WORKFLOW: &str = include_str!("../../../../assets/demo/workflow.json");

#[derive(Deserialize)]
struct DiagnosticTemplate {
    people: Vec<String>,
    scores: Vec<(i64, String)>,
    priorities: Vec<String>,
    problem_statement: String,
    recommendations: String,
}

#[derive(Deserialize)]
struct ActionTemplate {
    kind: String,
    description: String,
    theme: String,
    #[serde(default)]
    partner: String,
    due: u64,
}

#[derive(Deserialize)]
struct AxisTemplate {
    title: String,
    actions: Vec<ActionTemplate>,
}

#[derive(Deserialize)]
struct PlanTemplate {
    axes: Vec<AxisTemplate>,
    #[serde(default)]
    committee: Option<String>,
}

#[derive(Deserialize)]
struct FollowUpTemplate {
    headcount_delta: i64,
    appropriation: String,
    jobs: String,
    economic: String,
    strategy: String,
    partnerships: String,
    new_needs: String,
    outcome: String,
}

#[derive(Deserialize)]
struct EngagementTemplate {
    title: String,
    theme: String,
    mode: String,
    cases: Vec<usize>,
    consultant: usize,
    offers: Vec<usize>,
    days: String,
    vat: String,
    funder: String,
    /// The last lifecycle step reached: chosen, started, restituted or finished.
    step: String,
    #[serde(default)]
    results: String,
}

#[derive(Deserialize)]
struct Progress {
    case: usize,
    to: String,
    #[serde(default)]
    from: Option<String>,
    diagnostic: Option<usize>,
    plan: Option<usize>,
    follow_up: Option<usize>,
    #[serde(default)]
    partial: bool,
    #[serde(default)]
    unvalidated: bool,
    #[serde(default)]
    plan_draft: bool,
    #[serde(default)]
    without_engagement: bool,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    partner: String,
}

#[derive(Deserialize)]
struct Workflow {
    consultants: Vec<ConsultantInput>,
    diagnostics: Vec<DiagnosticTemplate>,
    plans: Vec<PlanTemplate>,
    follow_ups: Vec<FollowUpTemplate>,
    engagements: Vec<EngagementTemplate>,
    progress: Vec<Progress>,
}

/// A demo case once opened: its id, request date and the size of its structure.
pub(super) struct OpenedCase {
    pub id: String,
    pub request_date: NaiveDate,
    pub headcount: Option<i64>,
    pub etp: Option<i64>,
}

fn day(start: NaiveDate, days: u64) -> String {
    (start + ChronoDays::new(days)).to_string()
}

fn rank(stage: &str) -> Option<u8> {
    Stage::parse("to", stage).ok().and_then(Stage::rank)
}

struct Loader<'a> {
    store: &'a mut Store,
    cases: &'a [OpenedCase],
}

impl Loader<'_> {
    /// A partner named as in the directory is referred to through it, as the dialog does.
    fn move_to(&mut self, case: usize, to: &str, date: String, reason: &str, partner: &str) -> Result<()> {
        let listed = if partner.is_empty() {
            None
        } else {
            self.store
                .list_partners(&PartnerFilter { query: partner.into(), kind: None }, PageRequest::LARGEST)?
                .rows
                .into_iter()
                .find(|p| p.name == partner)
        };
        self.store.move_case(&TransitionInput {
            case_id: self.cases[case].id.clone(),
            to: to.into(),
            date,
            reason: reason.into(),
            partner: if listed.is_some() { String::new() } else { partner.into() },
            partner_id: listed.map(|p| p.id).unwrap_or_default(),
            ..Default::default()
        })?;
        Ok(())
    }

    fn diagnostic(&mut self, p: &Progress, t: &DiagnosticTemplate) -> Result<()> {
        let c = &self.cases[p.case];
        let r = c.request_date;
        let interviews = t.people.iter().take(if p.partial { 1 } else { t.people.len() });
        let scored = if p.partial { 5 } else { DiagnosticDomain::ALL.len() };
        // The first interview meets the structure's contacts on record, ticked as such.
        let contacts: Vec<String> = self
            .store
            .get_structure(&self.store.get_case(&c.id)?.structure_id)?
            .contacts
            .into_iter()
            .map(|k| k.id)
            .collect();
        let input = DiagnosticInput {
            interviews: interviews
                .enumerate()
                .map(|(i, people)| {
                    let met = if i == 0 { contacts.clone() } else { Vec::new() };
                    InterviewInput {
                        date: day(r, 21 + 14 * i as u64),
                        people: if met.is_empty() { people.clone() } else { String::new() },
                        contact_ids: met,
                        place: "Dans les locaux de la structure".into(),
                        notes: if i == 0 {
                            "Histoire du projet, gouvernance, budget de l'année et trésorerie\u{202f}; besoins exprimés par l'équipe."
                                .into()
                        } else {
                            String::new()
                        },
                    }
                })
                .collect(),
            scores: DiagnosticDomain::ALL
                .iter()
                .zip(&t.scores)
                .take(scored)
                .map(|(d, (score, finding))| ScoreInput {
                    domain: d.code().into(),
                    score: score.to_string(),
                    finding: finding.clone(),
                    priority: t.priorities.iter().any(|x| x == d.code()),
                })
                .collect(),
            problem_statement: if p.partial { String::new() } else { t.problem_statement.clone() },
            recommendations: if p.partial { String::new() } else { t.recommendations.clone() },
            validated_on: if p.partial || p.unvalidated { String::new() } else { day(r, 49) },
            headcount: c.headcount.map(|h| h.to_string()).unwrap_or_default(),
            etp: c.etp.map(|e| format!("{},{:02}", e / 100, e % 100)).unwrap_or_default(),
        };
        let id = c.id.clone();
        self.store.save_diagnostic(&id, &input)?;
        Ok(())
    }

    fn plan(&mut self, p: &Progress, t: &PlanTemplate) -> Result<()> {
        let r = self.cases[p.case].request_date;
        let input = PlanInput {
            axes: t
                .axes
                .iter()
                .map(|a| AxisInput {
                    title: a.title.clone(),
                    actions: a
                        .actions
                        .iter()
                        .map(|x| ActionInput {
                            id: String::new(),
                            kind: x.kind.clone(),
                            description: x.description.clone(),
                            theme: x.theme.clone(),
                            partner: x.partner.clone(),
                            due_date: day(r, x.due),
                            // A case the demo closes has carried its parcours out.
                            status: if p.to == "closed" { "done" } else { "in_progress" }.into(),
                            engagement_id: String::new(),
                        })
                        .collect(),
                })
                .collect(),
            committee_date: t.committee.as_ref().map(|_| day(r, 70)).unwrap_or_default(),
            committee_opinion: t.committee.clone().unwrap_or_default(),
            validated_on: if p.plan_draft { String::new() } else { day(r, 77) },
        };
        let id = self.cases[p.case].id.clone();
        self.store.save_plan(&id, &input)?;
        Ok(())
    }

    /// Intake to the plan, or to an exit: everything that does not wait for ingénieries.
    fn first_steps(&mut self, p: &Progress, w: &Workflow) -> Result<()> {
        let r = self.cases[p.case].request_date;
        let target = rank(&p.to);
        let reaches = |stage: Stage| target >= stage.rank() || p.from.as_deref() == Some(stage.code());
        if matches!(p.to.as_str(), "referred" | "not_eligible") && p.from.is_none() {
            return self.move_to(p.case, &p.to, day(r, 7), &p.reason, &p.partner);
        }
        if !reaches(Stage::Diagnostic) {
            return Ok(());
        }
        self.move_to(p.case, "diagnostic", day(r, 14), "", "")?;
        if let Some(t) = p.diagnostic {
            self.diagnostic(p, &w.diagnostics[t])?;
        }
        if p.to == "abandoned" {
            return self.move_to(p.case, "abandoned", day(r, 60), &p.reason, &p.partner);
        }
        if !reaches(Stage::Plan) {
            return Ok(());
        }
        self.move_to(p.case, "plan", day(r, 49), "", "")?;
        if let Some(t) = p.plan {
            self.plan(p, &w.plans[t])?;
        }
        Ok(())
    }

    fn engagement(
        &mut self,
        t: &EngagementTemplate,
        consultants: &[(String, i64)],
        targets: &HashMap<usize, u8>,
    ) -> Result<()> {
        let base = t.cases.iter().map(|&c| self.cases[c].request_date).max().unwrap_or_default();
        let steps = ["chosen", "started", "restituted", "finished"];
        let reached = steps.iter().position(|s| *s == t.step).unwrap_or(0);
        let (consultant, rate) = &consultants[t.consultant];
        let date_if = |step: usize, days: u64| if reached >= step { day(base, days) } else { String::new() };
        let input = EngagementInput {
            title: t.title.clone(),
            theme: t.theme.clone(),
            mode: t.mode.clone(),
            case_ids: t.cases.iter().map(|&c| self.cases[c].id.clone()).collect(),
            consultant_id: consultant.clone(),
            days: t.days.clone(),
            day_rate: format!("{}", rate / 100),
            vat_rate: t.vat.clone(),
            funder_id: self.store.list_funders()?.into_iter().find(|f| f.name == t.funder).map(|f| f.id).ok_or_else(
                || Error::internal(format!("Démo\u{a0}: pas de ligne de financement «\u{a0}{}\u{a0}».", t.funder)),
            )?,
            terms_date: day(base, 84),
            consultation_date: day(base, 91),
            decision_date: day(base, 105),
            kickoff_date: date_if(1, 119),
            restitution_date: date_if(2, 161),
            final_report_date: date_if(3, 175),
            results: if reached >= 3 { t.results.clone() } else { String::new() },
            offers: t
                .offers
                .iter()
                .zip([16, 13, 11])
                .map(|(&k, score)| {
                    let (id, rate) = &consultants[k];
                    let days: i64 = t.days.replace(',', ".").parse::<f64>().map(|d| (d * 100.0) as i64).unwrap_or(300);
                    OfferInput {
                        consultant_id: id.clone(),
                        amount_ht: format!("{}", days * rate / 10_000),
                        score: score.to_string(),
                    }
                })
                .collect(),
            plan_action_id: self.engineering_action(t.cases[0])?.unwrap_or_default(),
            ..Default::default()
        };
        self.store.create_engagement(&input)?;
        for &c in &t.cases {
            if targets.get(&c).copied() >= Stage::Engineering.rank() {
                self.move_to(c, "engineering", day(base, 84), "", "")?;
            }
        }
        Ok(())
    }

    /// The case's first action of kind « ingénierie » that no ingénierie carries out yet:
    /// the one its ingénierie is created from.
    fn engineering_action(&self, case: usize) -> Result<Option<String>> {
        let plan = self.store.get_plan(&self.cases[case].id)?;
        Ok(plan
            .axes
            .iter()
            .flat_map(|a| &a.actions)
            .find(|a| a.kind == ActionKind::Engineering && a.engagement_id.is_none())
            .map(|a| a.id.clone()))
    }

    /// Follow-up and closing, once the ingénieries are over.
    fn last_steps(&mut self, p: &Progress, w: &Workflow) -> Result<()> {
        if rank(&p.to) < Stage::FollowUp.rank() {
            return Ok(());
        }
        let c = &self.cases[p.case];
        let r = c.request_date;
        let id = c.id.clone();
        let last = self.store.case_workflow(&id)?.timeline.last().map(|e| e.date).unwrap_or(r);
        let follow_up_move = if p.without_engagement { day(r, 84) } else { (last + ChronoDays::new(14)).to_string() };
        self.move_to(p.case, "follow_up", follow_up_move, "", "")?;
        let Some(t) = p.follow_up.map(|i| &w.follow_ups[i]) else { return Ok(()) };
        let done = (r + ChronoDays::new(49) + Months::new(13)).to_string();
        let c = &self.cases[p.case];
        self.store.save_follow_up(
            &id,
            &FollowUpInput {
                done_on: done.clone(),
                headcount: c.headcount.map(|h| (h + t.headcount_delta).to_string()).unwrap_or_default(),
                etp: c
                    .etp
                    .map(|e| format!("{},{:02}", (e + 100 * t.headcount_delta) / 100, e % 100))
                    .unwrap_or_default(),
                appropriation: t.appropriation.clone(),
                new_needs: t.new_needs.clone(),
                jobs: t.jobs.clone(),
                economic: t.economic.clone(),
                strategy: t.strategy.clone(),
                partnerships: t.partnerships.clone(),
                outcome: t.outcome.clone(),
            },
        )?;
        if p.to == "closed" {
            self.move_to(p.case, "closed", done, "", "")?;
        }
        Ok(())
    }
}

/// Returns how many consultants and ingénieries were created.
pub(super) fn advance(store: &mut Store, cases: &[OpenedCase]) -> Result<(usize, usize)> {
    let w: Workflow = serde_json::from_str(WORKFLOW)?;
    let mut consultants = Vec::with_capacity(w.consultants.len());
    for k in &w.consultants {
        let c = store
            .create_consultant(k)
            .map_err(|e| Error::internal(format!("Démo, consultant «\u{a0}{}\u{a0}»\u{a0}: {e}", k.name)))?;
        consultants.push((c.id, c.day_rate.map_or(0, |m| m.0)));
    }
    let targets: HashMap<usize, u8> = w.progress.iter().filter_map(|p| rank(&p.to).map(|r| (p.case, r))).collect();
    let mut loader = Loader { store, cases };
    let context = |case: usize| move |e: Error| Error::internal(format!("Démo, accompagnement n° {case}\u{a0}: {e}"));
    for p in &w.progress {
        loader.first_steps(p, &w).map_err(context(p.case))?;
    }
    for t in &w.engagements {
        loader
            .engagement(t, &consultants, &targets)
            .map_err(|e| Error::internal(format!("Démo, ingénierie «\u{a0}{}\u{a0}»\u{a0}: {e}", t.title)))?;
    }
    for p in &w.progress {
        loader.last_steps(p, &w).map_err(context(p.case))?;
    }
    Ok((consultants.len(), w.engagements.len()))
}
