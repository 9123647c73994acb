use jalons_core::cases::{Attention, CaseFilter, CaseScope, Stage};
use jalons_core::engagements::{EngagementFilter, EngagementMode};
use jalons_core::paging::PageRequest;
use jalons_core::{ErrorCode, Store};

#[test]
fn demo_loads_into_an_empty_database_only() {
    let mut s = Store::open_in_memory().unwrap();
    assert!(s.is_empty().unwrap());
    let loaded = s.load_demo().unwrap();
    assert!(loaded.structures >= 30, "{loaded:?}");
    assert!(loaded.cases >= 20);
    let structures = s.list_structures(&Default::default(), PageRequest::LARGEST).unwrap().rows;
    assert_eq!(structures.len(), loaded.structures);
    let departements: std::collections::HashSet<_> = structures.iter().filter_map(|x| x.departement.clone()).collect();
    assert!(departements.len() >= 10, "{departements:?}");
    let all =
        s.list_cases(&CaseFilter { scope: CaseScope::All, ..Default::default() }, PageRequest::LARGEST).unwrap().rows;
    assert_eq!(all.len(), loaded.cases);
    for count in s.stage_counts().unwrap() {
        assert!(count.count >= 1, "no demo case at {:?}", count.stage);
    }
    let engagements = s
        .list_engagements(&EngagementFilter { include_finished: true, ..Default::default() }, PageRequest::LARGEST)
        .unwrap()
        .rows;
    assert_eq!(engagements.len(), loaded.engagements);
    assert!(engagements.iter().filter(|e| e.mode == EngagementMode::Collective).count() >= 2);
    let attention: std::collections::HashSet<_> = all.iter().flat_map(|c| c.attention.clone()).collect();
    for a in
        [Attention::DiagnosticToValidate, Attention::ReportMissing, Attention::FollowUpLate, Attention::EmployerLate]
    {
        assert!(attention.contains(&a), "no demo case shows {a:?}");
    }
    let trois_points = all.iter().find(|c| c.structure_name == "Collectif Trois Petits Points").unwrap();
    assert_eq!(s.case_finance(&trois_points.id).unwrap().obtained.0, 500_000);
    let returning = all.iter().find(|c| c.structure_name == "Les Champs du Lot" && c.stage == Stage::Plan).unwrap();
    assert!(s.get_diagnostic(&returning.id).unwrap().previous.is_some());
    let partners = s.list_partners(&Default::default(), PageRequest::LARGEST).map(|p| p.rows).unwrap();
    assert!(partners.len() >= 10);
    let referrals = s.list_referrals(&Default::default(), PageRequest::LARGEST).unwrap().rows;
    let exit = referrals.iter().find(|r| r.structure_name == "Transhumances Alpines").unwrap();
    assert_eq!((exit.partner_name.as_str(), exit.case_stage), ("France Active Auvergne-Rhône-Alpes", Stage::Referred));
    assert!(referrals.len() >= 8);
    let sillon = structures.iter().find(|x| x.name == "Compagnie du Sillon").unwrap();
    let shared = s
        .list_cooperations(
            &jalons_core::cooperation::CooperationFilter {
                structure_id: Some(sillon.id.clone()),
                ..Default::default()
            },
            PageRequest::LARGEST,
        )
        .map(|p| p.rows)
        .unwrap();
    assert_eq!(shared[0].members.len(), 3);
    let journal = s
        .list_journal(
            &jalons_core::journal::JournalFilter { structure_id: Some(sillon.id.clone()), ..Default::default() },
            PageRequest::LARGEST,
        )
        .unwrap()
        .rows;
    assert_eq!(journal.len(), 3);
    assert!(journal.iter().all(|e| e.case_reference.is_some()));
    let agenda = s.agenda_today().unwrap();
    assert!(!agenda.late.is_empty() && !agenda.now.is_empty() && !agenda.soon.is_empty(), "{agenda:?}");
    let training = s.get_training(&sillon.id).unwrap();
    assert_eq!(training.opco, Some(jalons_core::training::Opco::Afdas));
    assert_eq!(training.years[0].funding_obtained.0, 280_000);
    let e = s.load_demo().unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert_eq!(s.list_structures(&Default::default(), PageRequest::LARGEST).unwrap().rows.len(), loaded.structures);
}

/// The list's SQL says what needs attention as its rows do, on every case of the demo and
/// over two years of days (follow-ups coming due and late, obligations falling late): the
/// count, the « à traiter » filter and the order by attention, page by page.
#[test]
fn what_needs_attention_is_counted_filtered_and_sorted_as_the_rows_say() {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo().unwrap();
    let first = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let mut seen = std::collections::HashSet::new();
    for day in first.iter_days().step_by(23).take(32) {
        s.set_clock(jalons_core::clock::Clock::on_day(day));
        for scope in [CaseScope::Open, CaseScope::Finished, CaseScope::All] {
            let all = CaseFilter { scope, ..Default::default() };
            let rows = s.list_cases(&all, PageRequest::LARGEST).unwrap().rows;
            let needing: Vec<_> = rows.iter().filter(|c| !c.attention.is_empty()).map(|c| c.id.clone()).collect();
            seen.extend(rows.iter().flat_map(|c| c.attention.clone()));
            assert_eq!(s.cases_needing_attention(&all).unwrap() as usize, needing.len(), "{day} {scope:?}");
            let only = CaseFilter { attention_only: true, ..all.clone() };
            let listed = s.list_cases(&only, PageRequest::LARGEST).unwrap();
            assert_eq!(listed.total as usize, needing.len(), "{day} {scope:?}");
            let mut ids: Vec<_> = listed.rows.iter().map(|c| c.id.clone()).collect();
            ids.sort();
            let mut expected = needing.clone();
            expected.sort();
            assert_eq!(ids, expected, "{day} {scope:?}");
            for descending in [true, false] {
                let by = CaseFilter { sort: jalons_core::cases::CaseSort::Attention, descending, ..all.clone() };
                let mut paged = Vec::new();
                while paged.len() < rows.len() {
                    let offset = u32::try_from(paged.len()).unwrap();
                    paged.extend(s.list_cases(&by, PageRequest { offset, limit: 4 }).unwrap().rows);
                }
                let counts: Vec<_> = paged.iter().map(|c| c.attention.len()).collect();
                let mut sorted = counts.clone();
                sorted.sort_unstable();
                if descending {
                    sorted.reverse();
                }
                assert_eq!(counts, sorted, "{day} {scope:?} {descending}");
                for pair in paged.windows(2).filter(|p| p[0].attention.len() == p[1].attention.len()) {
                    assert!(pair[0].request_date >= pair[1].request_date, "ties: the most recent request first");
                }
            }
        }
    }
    for a in [
        Attention::DiagnosticToValidate,
        Attention::ReportMissing,
        Attention::FollowUpDue,
        Attention::FollowUpLate,
        Attention::EmployerLate,
    ] {
        assert!(seen.contains(&a), "never seen: {a:?}");
    }
}
