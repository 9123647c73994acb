//! Builders shared by the workflow tests: a case, and the records each guard looks at.
#![allow(dead_code)]

use jalons_core::Store;
use jalons_core::cases::CaseInput;
use jalons_core::consultants::ConsultantInput;
use jalons_core::diagnostic::{DiagnosticDomain, DiagnosticInput, InterviewInput, ScoreInput};
use jalons_core::engagements::{Engagement, EngagementInput, OfferInput};
use jalons_core::follow_up::FollowUpInput;
use jalons_core::plan::{ActionInput, AxisInput, PlanInput};
use jalons_core::structures::StructureInput;
use jalons_core::workflow::{CaseWorkflow, TransitionInput};

pub fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.set_user_name("Camille Martin").unwrap();
    s
}

pub fn structure_input(name: &str) -> StructureInput {
    StructureInput {
        name: name.into(),
        legal_form: "association".into(),
        commune_code: "26113".into(),
        employees_cdi: "3".into(),
        etp: "2,5".into(),
        ..Default::default()
    }
}

pub fn structure(s: &mut Store, name: &str) -> String {
    s.create_structure(&structure_input(name)).unwrap().id
}

pub fn open_case(s: &mut Store, structure_id: &str, date: &str) -> String {
    s.open_case(&CaseInput {
        structure_id: structure_id.into(),
        request_date: date.into(),
        channel: "phone".into(),
        requester: "Awa Diallo (présidente)".into(),
        referral_source: "network".into(),
        request_text: "Consolider le poste d'administratrice.".into(),
    })
    .unwrap()
    .id
}

/// A store with one structure and one case requested on 2025-01-06.
pub fn case() -> (Store, String) {
    let mut s = store();
    let sid = structure(&mut s, "Compagnie du Sillon");
    let id = open_case(&mut s, &sid, "2025-01-06");
    (s, id)
}

pub fn move_to(s: &mut Store, case_id: &str, to: &str, date: &str) -> jalons_core::Result<CaseWorkflow> {
    s.move_case(&TransitionInput { case_id: case_id.into(), to: to.into(), date: date.into(), ..Default::default() })
}

pub fn move_with(s: &mut Store, input: TransitionInput) -> jalons_core::Result<CaseWorkflow> {
    s.move_case(&input)
}

pub fn full_diagnostic(validated_on: &str) -> DiagnosticInput {
    DiagnosticInput {
        interviews: vec![InterviewInput {
            date: "2025-01-20".into(),
            people: "Awa Diallo (présidente), Léo Petit (administrateur)".into(),
            place: "Die".into(),
            ..Default::default()
        }],
        scores: DiagnosticDomain::ALL
            .iter()
            .enumerate()
            .map(|(i, d)| ScoreInput {
                domain: d.code().into(),
                score: (i % 4).to_string(),
                finding: format!("Constat {i}"),
                priority: i % 4 == 0,
            })
            .collect(),
        problem_statement: "Un modèle économique trop dépendant des subventions.".into(),
        recommendations: "Diversifier les recettes.".into(),
        validated_on: validated_on.into(),
        headcount: "3".into(),
        etp: "2,5".into(),
    }
}

pub fn plan(validated_on: &str) -> PlanInput {
    PlanInput {
        axes: vec![AxisInput {
            title: "Consolider le modèle économique".into(),
            actions: vec![ActionInput {
                kind: "engineering".into(),
                description: "Ingénierie sur le modèle économique".into(),
                theme: "economic_model".into(),
                status: "planned".into(),
                ..Default::default()
            }],
        }],
        validated_on: validated_on.into(),
        ..Default::default()
    }
}

pub fn consultant_input(name: &str) -> ConsultantInput {
    ConsultantInput {
        name: name.into(),
        organisation: "Coop Conseil".into(),
        skills: vec!["economic_model".into()],
        day_rate: "650".into(),
        ..Default::default()
    }
}

pub fn consultant(s: &mut Store, name: &str) -> String {
    s.create_consultant(&consultant_input(name)).unwrap().id
}

pub fn engagement(case_ids: &[&str], mode: &str) -> EngagementInput {
    EngagementInput {
        title: "Modèle économique".into(),
        theme: "economic_model".into(),
        mode: mode.into(),
        case_ids: case_ids.iter().map(|c| (*c).to_owned()).collect(),
        vat_rate: "2000".into(),
        terms_date: "2025-03-03".into(),
        ..Default::default()
    }
}

/// The engagement carried from terms of reference to final report with one consultant.
pub fn finished(mut e: EngagementInput, consultant_id: &str) -> EngagementInput {
    e.offers = vec![OfferInput { consultant_id: consultant_id.into(), amount_ht: "2600".into(), score: "16".into() }];
    e.consultant_id = consultant_id.into();
    e.days = "4".into();
    e.day_rate = "650".into();
    e.consultation_date = "2025-03-10".into();
    e.decision_date = "2025-03-24".into();
    e.kickoff_date = "2025-04-07".into();
    e.restitution_date = "2025-05-12".into();
    e.final_report_date = "2025-05-26".into();
    e.results = "Un budget prévisionnel à trois ans et deux pistes de recettes propres.".into();
    e
}

pub fn follow_up() -> FollowUpInput {
    FollowUpInput {
        done_on: "2026-02-02".into(),
        headcount: "4".into(),
        etp: "3".into(),
        appropriation: "2".into(),
        new_needs: "Structurer la communication.".into(),
        jobs: "plus".into(),
        economic: "plus".into(),
        strategy: "equal".into(),
        partnerships: "plus".into(),
        outcome: "Poste d'administratrice consolidé.".into(),
    }
}

pub fn create_engagement(s: &mut Store, input: &EngagementInput) -> Engagement {
    s.create_engagement(input).unwrap()
}

/// The lines paying for a case, with nothing said of what each pays.
pub fn paid_by(funder_ids: &[&str]) -> Vec<jalons_core::funders::CaseFunderInput> {
    funder_ids
        .iter()
        .map(|id| jalons_core::funders::CaseFunderInput { funder_id: (*id).to_owned(), ..Default::default() })
        .collect()
}

/// The key of every database file the tests write.
pub fn key() -> jalons_core::crypto::DataKey {
    jalons_core::crypto::DataKey::from_hex(&"5a".repeat(32)).unwrap()
}

/// A connection of the kind any SQLite tool would give someone who has the key: for the
/// tests that damage or tamper with a file.
pub fn raw(path: &std::path::Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key().to_hex())).unwrap();
    conn
}

/// A passphrase the strength rule accepts.
pub const PHRASE: &str = "lavande Diois tracteur 1987";

/// A moment written `2026-12-01 09:30:00`, as the backups are dated.
pub fn at(stamp: &str) -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d %H:%M:%S").unwrap()
}

/// Each needle found in the raw bytes of a file under `dir`, with that file. memmem, as
/// a byte-by-byte scan of a few megabytes per needle takes seconds in a debug build.
pub fn found_in_files(dir: &std::path::Path, needles: &[impl AsRef<str>]) -> Vec<String> {
    let mut found = Vec::new();
    for file in files_under(dir) {
        let bytes = std::fs::read(&file).unwrap();
        for needle in needles.iter().map(AsRef::as_ref) {
            if memchr::memmem::find(&bytes, needle.as_bytes()).is_some() {
                found.push(format!("{needle} in {}", file.display()));
            }
        }
    }
    found
}

/// Every file under `dir`, whatever its depth.
pub fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}
