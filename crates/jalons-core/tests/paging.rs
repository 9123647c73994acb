//! Lists cut into pages in the core: for every sort key, both directions and several
//! filters, the pages laid end to end are the whole list, in its order, each row once,
//! and every page says how many rows the whole list holds.

mod common;

use jalons_core::Store;
use jalons_core::cases::{CaseFilter, CaseScope, CaseSort, Stage};
use jalons_core::employer::{ObligationInput, ObligationKind};
use jalons_core::engagements::EngagementFilter;
use jalons_core::paging::{Page, PageRequest};
use jalons_core::structures::{
    ArchiveFilter, LegalForm, StructureFilter, StructureInput, StructureSort, StructureSummary,
};
use jalons_core::workflow::TransitionInput;

const SORTS: [StructureSort; 7] = [
    StructureSort::Name,
    StructureSort::Commune,
    StructureSort::Departement,
    StructureSort::LegalForm,
    StructureSort::Etp,
    StructureSort::Budget,
    StructureSort::UpdatedAt,
];

/// 45 structures whose names, communes, ETP and budgets repeat (ties on every key), some
/// without commune, ETP or budget, some archived, some with open cases or late obligations.
fn store() -> Store {
    let mut s = common::store();
    let communes = ["26113", "07186", "", "38185", "26362"];
    let forms = ["association", "scic", "scop"];
    for i in 0..45 {
        let id = s
            .create_structure(&StructureInput {
                name: format!("Compagnie {}", ["du Sillon", "des Canuts", "Vivarais"][i % 3]),
                legal_form: forms[i % forms.len()].into(),
                commune_code: communes[i % communes.len()].into(),
                etp: if i % 4 == 0 { String::new() } else { format!("{}", i % 3) },
                budget: if i % 5 == 0 { String::new() } else { format!("{}", 10_000 * (i % 4)) },
                ..Default::default()
            })
            .unwrap()
            .id;
        if i % 6 == 0 {
            common::open_case(&mut s, &id, "2025-01-06");
        }
        if i % 7 == 0 {
            let late = ObligationInput {
                kind: ObligationKind::Duerp.code().into(),
                status: "up_to_date".into(),
                last_done: "2020-01-10".into(),
                ..Default::default()
            };
            s.save_obligations(&id, &[late]).unwrap();
        }
        if i % 9 == 0 {
            s.set_structure_archived(&id, true).unwrap();
        }
    }
    s
}

fn filters() -> Vec<StructureFilter> {
    vec![
        StructureFilter::default(),
        StructureFilter { archived: ArchiveFilter::All, ..Default::default() },
        StructureFilter { archived: ArchiveFilter::Archived, ..Default::default() },
        StructureFilter { query: "canuts".into(), ..Default::default() },
        StructureFilter { departement: "26".into(), legal_form: Some(LegalForm::Association), ..Default::default() },
        StructureFilter { employer_late: true, archived: ArchiveFilter::All, ..Default::default() },
    ]
}

fn paged(s: &Store, filter: &StructureFilter, size: u32) -> (Vec<StructureSummary>, Vec<u32>) {
    let mut rows = Vec::new();
    let mut totals = Vec::new();
    loop {
        let Page { rows: page, offset, total } =
            s.list_structures(filter, PageRequest { offset: rows.len() as u32, limit: size }).unwrap();
        assert_eq!(offset as usize, rows.len());
        totals.push(total);
        if page.is_empty() {
            return (rows, totals);
        }
        rows.extend(page);
    }
}

#[test]
fn pages_laid_end_to_end_are_the_whole_list_for_every_sort_and_filter() {
    let s = store();
    let every = s
        .list_structures(&StructureFilter { archived: ArchiveFilter::All, ..Default::default() }, PageRequest::LARGEST);
    assert_eq!(every.unwrap().total, 45);
    for base in filters() {
        for sort in SORTS {
            for descending in [false, true] {
                let filter = StructureFilter { sort, descending, ..base.clone() };
                let whole = s.list_structures(&filter, PageRequest::LARGEST).unwrap();
                assert_eq!(whole.total as usize, whole.rows.len());
                let (rows, totals) = paged(&s, &filter, 4);
                assert!(totals.iter().all(|t| *t == whole.total), "{filter:?}: {totals:?}");
                assert_eq!(rows, whole.rows, "{filter:?}");
                let mut ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
                ids.sort_unstable();
                ids.dedup();
                assert_eq!(ids.len(), rows.len(), "each row once: {filter:?}");
                // The same query twice gives the same order: ties are broken.
                assert_eq!(paged(&s, &filter, 7).0, rows, "{filter:?}");
            }
        }
    }
}

#[test]
fn every_sort_puts_empty_values_last_and_orders_the_rest() {
    let s = store();
    let all = StructureFilter { archived: ArchiveFilter::All, ..Default::default() };
    for descending in [false, true] {
        let list = |sort| s.list_structures(&StructureFilter { sort, descending, ..all.clone() }, PageRequest::LARGEST);
        let keys = |rows: Vec<StructureSummary>, key: fn(&StructureSummary) -> Option<i64>| {
            let keys: Vec<Option<i64>> = rows.iter().map(key).collect();
            let filled = keys.iter().take_while(|k| k.is_some()).count();
            assert!(keys[filled..].iter().all(Option::is_none), "empty values last: {keys:?}");
            let mut sorted = keys[..filled].to_vec();
            sorted.sort_unstable();
            if descending {
                sorted.reverse();
            }
            assert_eq!(keys[..filled], sorted[..]);
            filled
        };
        assert_eq!(keys(list(StructureSort::Etp).unwrap().rows, |r| r.etp.map(|e| e.0)), 33);
        assert_eq!(keys(list(StructureSort::Budget).unwrap().rows, |r| r.budget.map(|b| b.0)), 36);
        let communes: Vec<Option<String>> =
            list(StructureSort::Commune).unwrap().rows.into_iter().map(|r| r.commune_name).collect();
        assert_eq!(communes.iter().filter(|c| c.is_none()).count(), 9);
        assert!(communes[36..].iter().all(Option::is_none), "{communes:?}");
    }
}

#[test]
fn counts_on_a_page_are_those_of_each_structure_and_totals_those_of_the_filter() {
    let s = store();
    let all = StructureFilter { archived: ArchiveFilter::All, ..Default::default() };
    let whole = s.list_structures(&all, PageRequest::LARGEST).unwrap().rows;
    assert_eq!(whole.iter().filter(|r| r.open_cases == 1).count(), 8);
    assert_eq!(whole.iter().filter(|r| r.employer_late == 1).count(), 7);
    assert_eq!(whole.iter().filter(|r| r.archived).count(), 5);
    let active = s.list_structures(&StructureFilter::default(), PageRequest { offset: 37, limit: 100 }).unwrap();
    assert_eq!((active.total, active.rows.len()), (40, 3));
    let late = StructureFilter { employer_late: true, ..all };
    assert_eq!(s.list_structures(&late, PageRequest::first(2)).unwrap().total, 7);
    let canuts = StructureFilter { query: "CANUTS".into(), ..Default::default() };
    let found = s.list_structures(&canuts, PageRequest::first(3)).unwrap();
    assert_eq!((found.total, found.rows.len()), (15, 3));
}

/// 30 cases on 10 structures: requests on three days (ties), a third abandoned, a third at
/// the diagnostic.
fn cases_store() -> Store {
    let mut s = common::store();
    let days = ["2025-01-06", "2025-02-03", "2025-03-10"];
    for i in 0..30 {
        let sid = common::structure(&mut s, &format!("Compagnie {}", i % 10));
        let id = common::open_case(&mut s, &sid, days[i % 3]);
        if i % 3 == 0 {
            let abandon = TransitionInput {
                case_id: id,
                to: "abandoned".into(),
                date: "2025-04-01".into(),
                reason: "Plus de réponse".into(),
                ..Default::default()
            };
            common::move_with(&mut s, abandon).unwrap();
        } else if i % 3 == 1 {
            common::move_to(&mut s, &id, "diagnostic", "2025-03-01").unwrap();
        }
    }
    s
}

#[test]
fn case_pages_laid_end_to_end_are_the_whole_list_for_every_sort_and_scope() {
    let s = cases_store();
    for (scope, count) in [(CaseScope::Open, 20), (CaseScope::Finished, 10), (CaseScope::All, 30)] {
        for sort in CaseSort::ALL {
            for descending in [false, true] {
                let filter = CaseFilter { scope, sort, descending, ..Default::default() };
                let whole = s.list_cases(&filter, PageRequest::LARGEST).unwrap();
                assert_eq!((whole.total, whole.rows.len()), (count, count as usize), "{filter:?}");
                let mut rows = Vec::new();
                while rows.len() < count as usize {
                    let page = s.list_cases(&filter, PageRequest { offset: rows.len() as u32, limit: 7 }).unwrap();
                    assert_eq!(page.total, count);
                    rows.extend(page.rows);
                }
                assert_eq!(rows, whole.rows, "{filter:?}");
            }
        }
    }
    let finished = s.list_cases(&CaseFilter { scope: CaseScope::Finished, ..Default::default() }, PageRequest::LARGEST);
    assert!(finished.unwrap().rows.iter().all(|c| c.stage == Stage::Abandoned));
    let diagnostic = CaseFilter { stage: Some(Stage::Diagnostic), scope: CaseScope::Finished, ..Default::default() };
    assert_eq!(s.list_cases(&diagnostic, PageRequest::first(1)).unwrap().total, 10, "a stage wins over the scope");
}

#[test]
fn the_cases_list_counts_what_needs_attention_in_the_whole_list_not_the_page() {
    let (mut s, id) = common::case();
    common::move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&id, &common::full_diagnostic("")).unwrap();
    let other = common::structure(&mut s, "Théâtre de la Courte Échelle");
    common::open_case(&mut s, &other, "2025-02-03");
    let by_date = CaseFilter { sort: CaseSort::RequestDate, ..Default::default() };
    let list = s.list_cases(&by_date, PageRequest::first(1)).unwrap();
    assert_eq!((list.total, list.rows.len()), (2, 1));
    assert!(list.rows[0].attention.is_empty(), "the newest request, on the page, needs nothing");
    assert_eq!(s.cases_needing_attention(&by_date).unwrap(), 1, "the case off the page counts");
    let next = s.list_cases(&by_date, PageRequest { offset: 1, limit: 1 }).unwrap();
    assert_eq!(next.rows[0].id, id);
    let attention = CaseFilter { sort: CaseSort::Attention, ..Default::default() };
    assert_eq!(s.cases_needing_attention(&attention).unwrap(), 1, "whatever the order");
    let finished = CaseFilter { scope: jalons_core::cases::CaseScope::Finished, ..Default::default() };
    assert_eq!(s.cases_needing_attention(&finished).unwrap(), 0);
}

#[test]
fn ingenierie_pages_are_the_newest_first_searched_by_title_consultant_or_structure() {
    let (mut s, id) = common::case();
    common::move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&id, &common::full_diagnostic("2025-02-03")).unwrap();
    common::move_to(&mut s, &id, "plan", "2025-02-03").unwrap();
    s.save_plan(&id, &common::plan("2025-02-24")).unwrap();
    let k = common::consultant(&mut s, "Hélène Ébrard");
    let mut made = Vec::new();
    for i in 0..23 {
        let mut e = common::engagement(&[&id], "individual");
        e.title = format!("Modèle économique n° {i}");
        if i % 4 == 0 {
            e = common::finished(e, &k);
        }
        made.push(common::create_engagement(&mut s, &e).id);
    }
    let open = EngagementFilter::default();
    let whole = s.list_engagements(&open, PageRequest::LARGEST).unwrap();
    assert_eq!((whole.total, whole.rows.len()), (17, 17), "the 6 finished are left out");
    let mut rows = Vec::new();
    while rows.len() < 17 {
        rows.extend(s.list_engagements(&open, PageRequest { offset: rows.len() as u32, limit: 5 }).unwrap().rows);
    }
    assert_eq!(rows, whole.rows);
    assert_eq!(rows[0].id, *made.last().unwrap(), "the newest first");
    assert!(rows.iter().all(|e| e.cases.len() == 1), "each row with its structures");

    let all = EngagementFilter { include_finished: true, ..Default::default() };
    assert_eq!(s.list_engagements(&all, PageRequest::first(1)).unwrap().total, 23);
    let search = |query: &str| {
        let filter = EngagementFilter { query: query.into(), include_finished: true, ..Default::default() };
        s.list_engagements(&filter, PageRequest::first(3)).unwrap().total
    };
    assert_eq!(search("ebrard"), 6, "the consultant, accents aside");
    assert_eq!(search("SILLON modele"), 23, "the structure served and the title");
    assert_eq!(search("n° 2"), 5, "2, 12, 20, 21, 22");
    assert_eq!(search("50%"), 0, "% taken as typed");
}

/// A case of `name` at the plan stage, ready to be served by an ingénierie.
fn case_at_plan(s: &mut Store, name: &str) -> (String, String) {
    let sid = common::structure(s, name);
    let id = common::open_case(s, &sid, "2025-01-06");
    common::move_to(s, &id, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&id, &common::full_diagnostic("2025-02-03")).unwrap();
    common::move_to(s, &id, "plan", "2025-02-03").unwrap();
    s.save_plan(&id, &common::plan("2025-02-24")).unwrap();
    (sid, id)
}

/// How many ingénieries a search finds, finished ones included.
fn found(s: &Store, query: &str) -> u32 {
    let filter = EngagementFilter { query: query.into(), include_finished: true, ..Default::default() };
    s.list_engagements(&filter, PageRequest::first(3)).unwrap().total
}

/// The folded lines the search reads, each equal to what its definition gives now.
fn lines_in_step(s: &Store) -> bool {
    s.read()
        .unwrap()
        .query_row(
            "SELECT (SELECT count(*) FROM engagement_search) = (SELECT count(*) FROM engagements)
                AND NOT EXISTS (SELECT 1 FROM engagement_search_source v LEFT JOIN engagement_search t USING (engagement_id)
                                WHERE t.text IS NOT v.text)",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn the_ingenierie_search_follows_renames_and_the_cases_linked() {
    let mut s = common::store();
    let (sillon, a) = case_at_plan(&mut s, "Compagnie du Sillon");
    let (_, b) = case_at_plan(&mut s, "Théâtre des Canuts");
    let k = common::consultant(&mut s, "Hélène Ébrard");
    let mut input = common::finished(common::engagement(&[&a], "individual"), &k);
    let e = common::create_engagement(&mut s, &input);
    assert!(lines_in_step(&s));
    assert_eq!((found(&s, "sillon ebrard"), found(&s, "canuts"), found(&s, "économique")), (1, 0, 1));
    assert_eq!(found(&s, "sillon ebr modele"), 1, "every word, in any part");
    assert_eq!(found(&s, "sillon helene ebrard xyz"), 0);

    input.case_ids = vec![b.clone()];
    s.update_engagement(&e.id, &input).unwrap();
    assert!(lines_in_step(&s));
    assert_eq!((found(&s, "sillon"), found(&s, "canuts")), (0, 1), "a case unlinked, another linked");

    input.title = "Fonction employeur".into();
    s.update_engagement(&e.id, &input).unwrap();
    assert_eq!((found(&s, "economique"), found(&s, "employeur")), (0, 1), "the title changed");

    s.update_consultant(&k, &common::consultant_input("Hélène Roux")).unwrap();
    assert!(lines_in_step(&s));
    assert_eq!((found(&s, "ebrard"), found(&s, "roux")), (0, 1), "the consultant renamed");

    let mut other = common::engagement(&[&a], "individual");
    other.title = "Gouvernance".into();
    common::create_engagement(&mut s, &other);
    s.update_structure(&sillon, &common::structure_input("Compagnie du Guéret")).unwrap();
    assert!(lines_in_step(&s));
    assert_eq!((found(&s, "sillon"), found(&s, "gueret gouvernance")), (0, 1), "the structure renamed");
    assert_eq!(found(&s, "gouvernancecompagnie"), 0, "a word never spans two parts of the line");
}

/// Reads a list page after page of `size` rows: the rows, and the total each page gave.
fn laid_end_to_end<T>(size: u32, read: impl Fn(PageRequest) -> Page<T>) -> (Vec<T>, Vec<u32>) {
    let mut rows = Vec::new();
    let mut totals = Vec::new();
    loop {
        let page = read(PageRequest { offset: rows.len() as u32, limit: size });
        totals.push(page.total);
        if page.rows.is_empty() {
            return (rows, totals);
        }
        rows.extend(page.rows);
    }
}

#[test]
fn consultants_partners_and_cooperations_are_paged_by_name_ties_kept_apart() {
    use jalons_core::consultants::{ConsultantFilter, ConsultantInput};
    use jalons_core::cooperation::{CooperationFilter, CooperationInput, MemberInput};
    use jalons_core::partners::{PartnerFilter, PartnerInput};

    let mut s = common::store();
    let a = common::structure(&mut s, "Compagnie du Sillon");
    let b = common::structure(&mut s, "Radio des Canuts");
    // Names that repeat, accents and case aside, so that the order of ties is tested.
    let names = ["Écho", "atelier", "Echo", "Zéphyr", "écho"];
    for i in 0..17 {
        let name = format!("{} {}", names[i % names.len()], i % 3);
        s.create_consultant(&ConsultantInput {
            name: name.clone(),
            skills: vec!["employer".into()],
            ..Default::default()
        })
        .unwrap();
        s.create_partner(&PartnerInput { name: name.clone(), kind: "cress".into(), ..Default::default() }).unwrap();
        let members = [&a, &b].map(|id| MemberInput { structure_id: id.clone(), role: String::new() }).to_vec();
        s.create_cooperation(&CooperationInput {
            name,
            kind: "shared_place".into(),
            stage: "study".into(),
            members,
            ..Default::default()
        })
        .unwrap();
    }
    let check = |label: &str, read: &dyn Fn(PageRequest) -> (Vec<String>, u32)| {
        let (whole, total) = read(PageRequest::LARGEST);
        assert_eq!(whole.len(), 17, "{label}");
        assert_eq!(total, 17, "{label}");
        let (rows, totals) = laid_end_to_end(4, |page| {
            let (rows, total) = read(page);
            Page { rows, offset: page.offset, total }
        });
        assert_eq!(rows, whole, "{label}: the pages laid end to end are the whole list");
        assert!(totals.iter().all(|t| *t == 17), "{label}: {totals:?}");
        assert_eq!(laid_end_to_end(7, |page| Page { rows: read(page).0, offset: page.offset, total: 0 }).0, whole);
        let names: Vec<&str> = whole.iter().map(|row| row.split('|').next().unwrap_or("")).collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|name| jalons_core::values::fold(name));
        assert_eq!(names, sorted, "{label}: by name, accents and case aside");
    };
    let key = |name: &str, id: &str| format!("{name}|{id}");
    check("consultants", &|page| {
        let p = s.list_consultants(&ConsultantFilter::default(), page).unwrap();
        (p.rows.iter().map(|c| key(&c.name, &c.id)).collect(), p.total)
    });
    check("partners", &|page| {
        let p = s.list_partners(&PartnerFilter::default(), page).unwrap();
        (p.rows.iter().map(|c| key(&c.name, &c.id)).collect(), p.total)
    });
    check("cooperations", &|page| {
        let p = s.list_cooperations(&CooperationFilter::default(), page).unwrap();
        assert!(p.rows.iter().all(|c| c.members.len() == 2), "each project with its members");
        (p.rows.iter().map(|c| key(&c.name, &c.id)).collect(), p.total)
    });
    let echo = ConsultantFilter { query: "ECHO".into(), ..Default::default() };
    assert_eq!(s.list_consultants(&echo, PageRequest::first(2)).unwrap().total, 10, "the count of the whole search");
    let refused = s.list_partners(&PartnerFilter::default(), PageRequest { offset: 0, limit: 0 }).unwrap_err();
    assert_eq!(refused.field.as_deref(), Some("limit"));
}
