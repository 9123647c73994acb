//! The Observatoire's charts saved as a partner would open them: the workbook's numbers are
//! the core's figures, the CSV opens in French Excel; a drawing is written only when it is
//! the PNG or the SVG it claims to be.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use jalons_core::Store;
use jalons_core::observatory::{ImageFormat, Observatory, ObservatoryChart, ObservatoryFilter, TableFormat};
use jalons_export::{chart_file_name, image_file, table_file};

fn observatory() -> Observatory {
    let mut store = Store::open_in_memory().unwrap();
    store.set_user_name("Camille Martin").unwrap();
    store.load_demo().unwrap();
    store
        .observatory(&ObservatoryFilter { from: "01/01/2021".into(), to: "31/12/2026".into(), ..Default::default() })
        .unwrap()
}

fn rows(bytes: Vec<u8>) -> Vec<Vec<Data>> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).unwrap();
    book.worksheet_range("Observatoire").unwrap().rows().map(<[Data]>::to_vec).collect()
}

#[test]
fn every_chart_s_table_is_its_figures() {
    let o = observatory();
    for chart in ObservatoryChart::ALL {
        let sheet = rows(table_file(&o, *chart, TableFormat::Xlsx).unwrap());
        assert!(!sheet.is_empty(), "{chart:?}: a header at least");
    }
    let sheet = rows(table_file(&o, ObservatoryChart::Departements, TableFormat::Xlsx).unwrap());
    assert_eq!(
        sheet[0][..4],
        [
            Data::String("Code".into()),
            Data::String("Département".into()),
            Data::String("Structures".into()),
            Data::String("Accompagnements".into())
        ]
    );
    assert_eq!(sheet.len(), o.departements.len() + 1);
    let first = &o.departements[0];
    assert_eq!(sheet[1][0], Data::String(first.code.clone()));
    assert_eq!(sheet[1][2], Data::Float(first.structures as f64));
    let needs = rows(table_file(&o, ObservatoryChart::Needs, TableFormat::Xlsx).unwrap());
    assert_eq!(needs.len(), 12, "the eleven domains under their header");
}

#[test]
fn a_chart_s_csv_opens_in_french_excel() {
    let o = observatory();
    let csv = table_file(&o, ObservatoryChart::Stages, TableFormat::Csv).unwrap();
    let text = String::from_utf8(csv).unwrap();
    assert!(text.starts_with("\u{feff}Étape au dernier jour;Accompagnements\n"), "{text}");
    assert!(text.contains("\nAccueil;"), "{text}");
    let name = chart_file_name(&o.period, ObservatoryChart::Sectors, "csv");
    assert_eq!(name, "Observatoire - Structures par secteur - 2021-01-01 au 2026-12-31.csv");
}

#[test]
fn a_drawing_is_written_only_when_it_is_what_it_claims() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#;
    assert_eq!(image_file(ImageFormat::Svg, svg).unwrap(), svg.as_bytes());
    let png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    assert!(image_file(ImageFormat::Png, png).unwrap().starts_with(b"\x89PNG"));
    for (format, data) in [
        (ImageFormat::Svg, r#"<svg><script>alert(1)</script></svg>"#),
        (ImageFormat::Svg, "<html><body></body></html>"),
        (ImageFormat::Png, "data:image/png;base64,SGVsbG8="),
        (ImageFormat::Png, "data:image/png;base64,not base64 at all"),
        (ImageFormat::Png, svg),
    ] {
        let refused = image_file(format, data).unwrap_err();
        assert_eq!(refused.field.as_deref(), Some("data"), "{data}");
        assert!(refused.message.contains("rien n'a été enregistré"), "{}", refused.message);
    }
}
