//! Generated records at scale, for the bench and for the end-to-end test of a large list:
//! made by the same validated, audited commands as the app's, names and places repeating
//! as in a real region.

use jalons_core::Store;
use jalons_core::cases::{CaseInput, Stage};
use jalons_core::consultants::ConsultantInput;
use jalons_core::diagnostic::{DiagnosticDomain, DiagnosticInput, InterviewInput, ScoreInput};
use jalons_core::engagements::EngagementInput;
use jalons_core::partners::{PartnerInput, ReferralInput};
use jalons_core::structures::StructureInput;
use jalons_core::workflow::TransitionInput;

const NAMES: &[&str] =
    &["Compagnie", "Théâtre", "Festival", "Collectif", "Ensemble", "Atelier", "Fabrique", "Scène", "Maison", "Radio"];
const PLACES: &[&str] =
    &["du Sillon", "des Canuts", "de la Courte Échelle", "du Vivarais", "des Tisserands", "du Port", "des Champs"];
const COMMUNES: &[&str] = &["26113", "26362", "07186", "38185", "69123", "63113", "23096", "33063", "35238", "29019"];
const FORMS: &[&str] = &["association", "association", "association", "scic", "scop", "cae"];

/// `count` structures in one transaction (each create nests in it as in the app); their ids.
pub fn structures(store: &mut Store, count: usize) -> jalons_core::Result<Vec<String>> {
    store.all_or_nothing(|store| {
        (0..count)
            .map(|i| {
                store
                    .create_structure(&StructureInput {
                        name: format!("{} {} {i}", NAMES[i % NAMES.len()], PLACES[i % PLACES.len()]),
                        legal_form: FORMS[i % FORMS.len()].into(),
                        commune_code: COMMUNES[i % COMMUNES.len()].into(),
                        budget: format!("{}", 20_000 + (i * 7919) % 1_500_000),
                        etp: format!("{}", (i % 12) + 1),
                        employees_cdi: "12".into(),
                        ..Default::default()
                    })
                    .map(|s| s.id)
            })
            .collect()
    })
}

/// A complete diagnostic, validated or not: what the attention flags and the move to the
/// parcours look at.
fn diagnostic(interview: &str, validated: &str) -> DiagnosticInput {
    DiagnosticInput {
        interviews: vec![InterviewInput { date: interview.into(), people: "Présidente".into(), ..Default::default() }],
        scores: DiagnosticDomain::ALL
            .iter()
            .map(|d| ScoreInput { domain: d.code().into(), score: "2".into(), finding: String::new(), priority: false })
            .collect(),
        problem_statement: "Modèle économique fragile.".into(),
        validated_on: validated.into(),
        ..Default::default()
    }
}

fn open(store: &mut Store, structure_id: &str, date: &str) -> jalons_core::Result<String> {
    Ok(store
        .open_case(&CaseInput {
            structure_id: structure_id.into(),
            request_date: date.into(),
            channel: "phone".into(),
            requester: "Présidente".into(),
            referral_source: "network".into(),
            request_text: "Consolider un emploi.".into(),
        })?
        .id)
}

fn move_to(store: &mut Store, case_id: &str, stage: Stage, date: &str, reason: &str) -> jalons_core::Result<()> {
    store.move_case(&TransitionInput {
        case_id: case_id.into(),
        to: stage.code().into(),
        date: date.into(),
        reason: reason.into(),
        ..Default::default()
    })?;
    Ok(())
}

/// The open case of every fourth structure: a third at intake, a third with a diagnostic
/// awaiting validation, a third in the parcours with a follow-up now late and an
/// ingénierie under way.
pub fn open_cases(store: &mut Store, ids: &[String], consultants: &[String]) -> jalons_core::Result<Vec<String>> {
    store.all_or_nothing(|store| {
        let mut cases = Vec::new();
        for (i, structure_id) in ids.iter().enumerate().step_by(4) {
            let id = open(store, structure_id, "2025-01-06")?;
            if i % 3 != 0 {
                move_to(store, &id, Stage::Diagnostic, "2025-01-13", "")?;
                store.save_diagnostic(&id, &diagnostic("2025-01-20", if i % 3 == 2 { "2025-02-03" } else { "" }))?;
            }
            if i % 3 == 2 {
                move_to(store, &id, Stage::Plan, "2025-02-03", "")?;
                store.create_engagement(&engagement(&id, &consultants[i % consultants.len()], i, |step| {
                    ["2025-02-10", "2025-02-24", "2025-03-10", "2025-04-01", "", ""][step].into()
                }))?;
            }
            cases.push(id);
        }
        Ok(cases)
    })
}

/// An individual ingénierie of the case, its lifecycle dates given by step (cahier des
/// charges to final report, empty once it stops).
fn engagement(case_id: &str, consultant: &str, k: usize, date: impl Fn(usize) -> String) -> EngagementInput {
    EngagementInput {
        title: format!("Consolidation du modèle économique {}", k % 3 + 1),
        theme: THEMES[k % THEMES.len()].into(),
        mode: "individual".into(),
        case_ids: vec![case_id.into()],
        consultant_id: consultant.into(),
        days: "4".into(),
        day_rate: "750".into(),
        vat_rate: "2000".into(),
        terms_date: date(0),
        consultation_date: date(1),
        decision_date: date(2),
        kickoff_date: date(3),
        restitution_date: date(4),
        final_report_date: date(5),
        ..Default::default()
    }
}

/// What ten years of a regional DLA leave behind.
pub struct History {
    pub cases: usize,
    pub engagements: usize,
    pub referrals: usize,
    pub consultants: Vec<String>,
}

const CONSULTANTS: usize = 250;
/// The partners the cases are referred to: funders, networks, OPCO, the CRESS, communes.
const PARTNERS: usize = 40;
const PARTNER_KINDS: &[&str] = &["solidarity_finance", "network", "opco", "cress", "local_authority", "accompanier"];
const OUTCOMES: &[&str] = &["taken_up", "taken_up", "declined", "no_contact"];
const THEMES: &[&str] = &["project", "activities", "governance", "employer", "training"];

/// Finished cases from past years, before the open ones: every structure has one, three in
/// four a second; each went through a validated diagnostic to its parcours, where one or
/// two ingénieries were carried out (finished, their final report received), one in three
/// was also referred to a partner, then ended.
pub fn history(store: &mut Store, ids: &[String]) -> jalons_core::Result<History> {
    store.all_or_nothing(|store| {
        let consultants = (0..CONSULTANTS)
            .map(|i| {
                store
                    .create_consultant(&ConsultantInput {
                        name: format!("Cabinet {} {i}", PLACES[i % PLACES.len()]),
                        skills: vec![THEMES[i % THEMES.len()].into()],
                        day_rate: "750".into(),
                        ..Default::default()
                    })
                    .map(|c| c.id)
            })
            .collect::<jalons_core::Result<Vec<_>>>()?;
        let partners = (0..PARTNERS)
            .map(|i| {
                store
                    .create_partner(&PartnerInput {
                        name: format!("{} {} {i}", ["Réseau", "Fonds", "Maison"][i % 3], PLACES[i % PLACES.len()]),
                        kind: PARTNER_KINDS[i % PARTNER_KINDS.len()].into(),
                        ..Default::default()
                    })
                    .map(|p| p.id)
            })
            .collect::<jalons_core::Result<Vec<_>>>()?;
        let (mut cases, mut engagements, mut referrals) = (0, 0, 0);
        for (i, structure_id) in ids.iter().enumerate() {
            let rounds = if i % 4 == 0 { 1 } else { 2 };
            for round in 0..rounds {
                // Two cases of one structure four years apart, all within 2015 to 2024.
                let year = 2015 + (i % 5) + 4 * round;
                let day = |month_day: &str| format!("{year}-{month_day}");
                let id = open(store, structure_id, &day("02-02"))?;
                move_to(store, &id, Stage::Diagnostic, &day("02-16"), "")?;
                store.save_diagnostic(&id, &diagnostic(&day("02-23"), &day("03-16")))?;
                move_to(store, &id, Stage::Plan, &day("03-16"), "")?;
                let count = if (i + round) % 7 < 5 { 2 } else { 1 };
                for n in 0..count {
                    let k = i * 2 + round + n;
                    let dates = ["03-20", "04-01", "04-15", "05-04", "09-14", "10-05"];
                    store.create_engagement(&engagement(&id, &consultants[k % consultants.len()], k, |step| {
                        day(dates[step])
                    }))?;
                    engagements += 1;
                }
                if (i + round) % 3 == 0 {
                    let k = i + round;
                    store.create_referral(&ReferralInput {
                        case_id: id.clone(),
                        partner_id: partners[k % partners.len()].clone(),
                        referred_on: day("06-10"),
                        reason: "Besoin de trésorerie avant la saison.".into(),
                        outcome: OUTCOMES[k % OUTCOMES.len()].into(),
                        ..Default::default()
                    })?;
                    referrals += 1;
                }
                move_to(store, &id, Stage::Abandoned, &day("11-02"), "Fin des ingénieries, sans suivi demandé.")?;
                cases += 1;
            }
        }
        Ok(History { cases, engagements, referrals, consultants })
    })
}
