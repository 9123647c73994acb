//! The lists of communes a DLA loads (INSEE's density grid, the ANCT's FRR communes), from
//! files the test writes as INSEE and the ANCT publish them; and the files that are not
//! such lists, refused on their field with nothing changed.

mod common;

use common::*;
use jalons_core::Store;
use jalons_core::indicators::ReportFilter;
use jalons_core::reference::CommuneListKind::{Density, Frr as FrrList};
use jalons_core::structures::{Frr, StructureInput};

/// A grid of 150 communes in the way INSEE writes it: a title, a blank line, the headers,
/// then one commune a line. Die (26113) is « rural à habitat dispersé » (6), Albon (26002)
/// a « petite ville » (4).
fn grid_csv() -> Vec<u8> {
    let mut text = String::from("Grille communale de densité à 7 niveaux, 2025;;;\n;;;\nCODGEO;LIBGEO;DENS;LIBDENS\n");
    text.push_str("26113;Die;6;Rural à habitat dispersé\n26002;Albon;4;Petites villes\n");
    for i in 0..148 {
        text.push_str(&format!("{:05};Commune {i};{};Libellé\n", 1001 + i, 1 + i % 7));
    }
    text.push_str("26113;Die en double;1;Grands centres urbains\n;;;\nTotal;;;\n");
    text.into_bytes()
}

fn grid_xlsx() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "Grille communale de densité").unwrap();
    for (c, h) in ["Code géographique", "Libellé géographique", "Degré de densité de la commune"].iter().enumerate()
    {
        sheet.write(2, c as u16, *h).unwrap();
    }
    for i in 0..120u32 {
        // Codes as numbers, as a spreadsheet keeps them: 1001 for 01001.
        sheet.write(3 + i, 0, f64::from(1001 + i)).unwrap();
        sheet.write(3 + i, 1, format!("Commune {i}")).unwrap();
        sheet.write(3 + i, 2, f64::from(1 + i % 7)).unwrap();
    }
    sheet.write(200, 0, "26113").unwrap();
    sheet.write(200, 2, 7.0).unwrap();
    book.save_to_buffer().unwrap()
}

fn two_structures() -> Store {
    let mut s = store();
    for (name, commune) in [("Compagnie du Sillon", "26113"), ("Atelier d'Albon", "26002")] {
        let id = s
            .create_structure(&StructureInput {
                name: name.into(),
                legal_form: "association".into(),
                commune_code: commune.into(),
                ..Default::default()
            })
            .unwrap()
            .id;
        open_case(&mut s, &id, "2025-03-03");
    }
    s
}

fn rural(s: &Store) -> (usize, String) {
    let filter = ReportFilter { from: "01/01/2025".into(), to: "31/12/2025".into(), ..Default::default() };
    let t = s.period_totals(&filter).unwrap().totals;
    (t.rural, t.rural_rule)
}

#[test]
fn a_density_grid_loaded_decides_which_communes_are_rural() {
    let mut s = two_structures();
    let (n, rule) = rural(&s);
    assert_eq!(n, 1, "without a grid: Albon, 1 942 inhabitants");
    assert!(rule.contains("aucune grille"), "{rule}");

    let loaded = s.load_commune_list_bytes(Density, "2025", "grille_densite_7_niveaux_2025.csv", &grid_csv()).unwrap();
    assert_eq!((loaded.list.communes, loaded.list.vintage), (150, 2025));
    assert_eq!(loaded.ignored, 3, "the commune read twice, the blank line, the total");
    let (n, rule) = rural(&s);
    assert_eq!(n, 1, "with the grid: Die (6), not Albon (4)");
    assert!(rule.contains("grille communale de densité 2025"), "{rule}");
    let kept = s.commune_lists().unwrap().density.unwrap();
    assert_eq!(kept.file_name, "grille_densite_7_niveaux_2025.csv");

    let from_workbook =
        s.load_commune_list_bytes(Density, "", "grille_densite_7_niveaux_2026.xlsx", &grid_xlsx()).unwrap();
    assert_eq!((from_workbook.list.communes, from_workbook.list.vintage), (121, 2026), "its year read from its name");
    let (n, _) = rural(&s);
    assert_eq!(n, 1, "Die (7) is still rural; Albon is not in this grid");
}

#[test]
fn files_that_are_not_a_grid_are_refused_and_change_nothing() {
    let mut s = two_structures();
    s.load_commune_list_bytes(Density, "2025", "grille.csv", &grid_csv()).unwrap();
    let before = s.commune_lists().unwrap();
    let random: Vec<u8> = (0..5_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let zip_not_xlsx = b"PK\x03\x04not really a workbook".to_vec();
    let three = b"CODGEO;DENS\n26113;6\n26002;4\n07010;5\n".to_vec();
    let four_levels: Vec<u8> =
        (0..200).map(|i| format!("{:05};{}\n", 1001 + i, 1 + i % 4)).fold(b"CODGEO;DENS\n".to_vec(), |mut v, l| {
            v.extend(l.bytes());
            v
        });
    let no_headers = b"Bonjour\nceci est une lettre\n".to_vec();
    for (name, bytes) in [
        ("aleatoire.bin", random),
        ("faux.xlsx", zip_not_xlsx),
        ("trois.csv", three),
        ("quatre_niveaux.csv", four_levels),
        ("lettre.txt", no_headers),
    ] {
        let e = s.load_commune_list_bytes(Density, "2025", name, &bytes).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("file"), "{name}: {}", e.message);
        assert!(e.message.contains(name), "{name}: {}", e.message);
    }
    for vintage in ["", "deux mille", "1999", "2999"] {
        let e = s.load_commune_list_bytes(Density, vintage, "grille.csv", &grid_csv()).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("vintage"), "{vintage:?}");
    }
    let e = s.load_commune_list_bytes(Density, "", "grille_v1999_12345.csv", &grid_csv()).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("vintage"), "no year of these in the name");
    assert_eq!(s.commune_lists().unwrap(), before);
}

#[test]
fn the_frr_list_proposes_the_class_of_a_commune() {
    let mut s = store();
    assert_eq!(s.commune_frr("26113").unwrap(), None, "no list loaded");
    let list = "Code commune,Nom,Classement FRR\n26113,Die,FRR+\n07010,Annonay,FRR\n26002,Albon,Non classée\n";
    // Windows-1252, as a spreadsheet saves a CSV in France.
    let bytes: Vec<u8> = list.chars().map(|c| u8::try_from(u32::from(c)).unwrap()).collect();
    let loaded = s.load_commune_list_bytes(FrrList, "2025", "communes_frr.csv", &bytes).unwrap();
    assert_eq!((loaded.list.communes, loaded.ignored), (2, 0));
    let die = s.commune_frr("26113").unwrap().unwrap();
    assert_eq!((die.frr, die.vintage), (Frr::FrrPlus, 2025));
    assert_eq!(s.commune_frr("07010").unwrap().unwrap().frr, Frr::Frr);
    assert_eq!(s.commune_frr("26002").unwrap().unwrap().frr, Frr::None);
    assert_eq!(s.commune_frr("pas un code").unwrap_err().field.as_deref(), Some("commune_code"));
}
