//! Period reports read back as a funder's spreadsheet would: the XLSX and ODS through
//! calamine give the core's totals; the CSV opens in French Excel with the right columns.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use jalons_core::Store;
use jalons_core::indicators::{DEFINITIONS, PeriodReport, ReportFilter, ReportFormat};
use jalons_core::paging::PageRequest;
use jalons_export::report_file;

fn report() -> (Store, PeriodReport) {
    let mut store = Store::open_in_memory().unwrap();
    store.set_user_name("Camille Martin").unwrap();
    store.load_demo().unwrap();
    let r = store
        .period_report(&ReportFilter { from: "01/01/2021".into(), to: "31/12/2026".into(), ..Default::default() })
        .unwrap();
    (store, r)
}

fn rows(bytes: Vec<u8>, sheet: &str) -> Vec<Vec<Data>> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).unwrap();
    book.worksheet_range(sheet).unwrap().rows().map(<[Data]>::to_vec).collect()
}

fn number(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

/// The value beside a label on the « Synthèse » sheet.
fn summary_value(rows: &[Vec<Data>], label: &str) -> f64 {
    let row = rows.iter().find(|r| r[0] == Data::String(label.to_owned())).unwrap_or_else(|| panic!("{label}"));
    number(&row[1])
}

#[test]
fn the_workbooks_give_the_cores_totals() {
    let (_store, r) = report();
    let t = &r.totals;
    assert!(t.cases >= 25 && t.engaged > 0 && t.obtained.0 > 0 && t.followed_up > 0, "the demo fills every family");
    for format in [ReportFormat::Xlsx, ReportFormat::Ods] {
        let bytes = report_file(&r, format).unwrap();
        let summary = rows(bytes.clone(), "Synthèse");
        assert_eq!(summary_value(&summary, "Accompagnements de la période"), t.cases as f64, "{format:?}");
        assert_eq!(summary_value(&summary, "Diagnostics validés"), t.diagnosed as f64);
        assert_eq!(summary_value(&summary, "Coût HT des ingénieries"), t.cost_ht.0 as f64 / 100.0);
        assert_eq!(summary_value(&summary, "Financements solidaires obtenus"), t.obtained.0 as f64 / 100.0);
        let rule = |label: &str| summary.iter().find(|row| row[0] == Data::String(label.into())).unwrap()[2].clone();
        assert_eq!(rule("Structures accueillies"), Data::String("Stock".into()));
        assert_eq!(rule("Diagnostics validés"), Data::String("Flux".into()));

        let structures = rows(bytes.clone(), "Structures");
        assert_eq!(structures.len(), 1 + t.cases + 1, "header, one row per case, the total");
        assert_eq!(structures[0][0], Data::String("Référence".into()));

        let engagements = rows(bytes.clone(), "Ingénieries");
        let total = &engagements[engagements.len() - 2];
        assert_eq!(number(&total[5]), t.cost_ht.0 as f64 / 100.0);
        assert_eq!(number(&total[6]), t.cost_ttc.0 as f64 / 100.0);
        let engaged_column =
            engagements[0].iter().position(|h| h == &Data::String("Engagée dans la période".into())).unwrap();
        let listed: f64 = engagements[1..engagements.len() - 2]
            .iter()
            .filter(|row| row[engaged_column] == Data::String("oui".into()))
            .map(|row| if row[5] == Data::Empty { 0.0 } else { number(&row[5]) })
            .sum();
        assert!((listed - t.cost_ht.0 as f64 / 100.0).abs() < 0.005, "the rows add up to the total");

        let follow_ups = rows(bytes.clone(), "Suivis");
        assert_eq!(follow_ups.len(), 1 + t.followed_up + 4, "header, one row per follow-up, the totals");
        let plus = follow_ups.iter().find(|row| row[0] == Data::String("+ En progrès".into())).unwrap();
        assert_eq!(number(&plus[11]), t.criteria[0].plus as f64);

        let definitions = rows(bytes, "Définitions");
        assert_eq!(definitions.len(), 1 + 3 + DEFINITIONS.len(), "header, the three period rules, the definitions");
    }
}

#[test]
fn the_cases_csv_opens_in_french_excel() {
    let (_store, r) = report();
    let bytes = report_file(&r, ReportFormat::CasesCsv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with a byte order mark");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(&headers[..3], ["Référence", "Structure", "Forme juridique"]);
    for column in ["Département", "QPV", "ETP au diagnostic", "Diagnostic validé le", "dont CDI"] {
        assert!(headers.iter().any(|h| h == column), "{column}");
    }
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), r.totals.cases);
    let etp = headers.iter().position(|h| h == "ETP au diagnostic").unwrap();
    assert!(records.iter().any(|rec| rec[etp].contains(',')), "decimals with a comma");
    assert!(records.iter().all(|rec| rec.len() == headers.len()));
}

#[test]
fn the_aggregates_name_no_one() {
    let (store, r) = report();
    let bytes = report_file(&r, ReportFormat::AggregatesCsv).unwrap();
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("Territoire;Secteur;Structures accompagnées"));
    assert!(text.contains(";< 5;"));
    for s in store.list_structures(&Default::default(), PageRequest::LARGEST).unwrap().rows {
        assert!(!text.contains(&s.name), "{} appears", s.name);
    }
    for c in &r.cases {
        assert!(!text.contains(&c.reference));
    }
}
