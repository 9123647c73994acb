use jalons_core::cases::CaseFilter;
use jalons_core::{ErrorCode, Store};

#[test]
fn demo_loads_into_an_empty_database_only() {
    let mut s = Store::open_in_memory().unwrap();
    assert!(s.is_empty().unwrap());
    let loaded = s.load_demo().unwrap();
    assert!(loaded.structures >= 30, "{loaded:?}");
    assert!(loaded.cases >= 20);
    let structures = s.list_structures(&Default::default()).unwrap();
    assert_eq!(structures.len(), loaded.structures);
    let departements: std::collections::HashSet<_> = structures.iter().filter_map(|x| x.departement.clone()).collect();
    assert!(departements.len() >= 10, "{departements:?}");
    assert_eq!(s.list_cases(&CaseFilter::default()).unwrap().len(), loaded.cases);
    let e = s.load_demo().unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert_eq!(s.list_structures(&Default::default()).unwrap().len(), loaded.structures);
}
