//! What a chart of the Observatoire saves: its data as CSV or XLSX, laid out from the core's
//! figures (numbers stay numbers in the workbook), and its drawing as PNG or SVG, made by
//! the window and checked here before it is written.

use data_encoding::BASE64;
use jalons_core::observatory::{
    AreaTally, EngagementTally, ImageFormat, Observatory, ObservatoryChart, TableFormat, Tally,
};
use jalons_core::{Error, Result};

use crate::table::{Cell, Column, Sheet, col};

/// `Observatoire - Structures par secteur - 2026-01-01 au 2026-12-31.csv`.
pub fn chart_file_name(period: &jalons_core::indicators::Period, chart: ObservatoryChart, extension: &str) -> String {
    jalons_core::durable::file_name(
        &format!("Observatoire - {} - {} au {}", chart.label(), period.from, period.to),
        extension,
    )
}

pub fn table_file(o: &Observatory, chart: ObservatoryChart, format: TableFormat) -> Result<Vec<u8>> {
    let sheet = table(o, chart);
    match format {
        TableFormat::Csv => crate::csv::csv(&sheet),
        TableFormat::Xlsx => crate::xlsx::workbook(&[sheet]),
    }
}

fn tallies(what: &'static str, counted: &'static str, rows: &[Tally]) -> (Vec<Column>, Vec<Vec<Cell>>) {
    let rows = rows.iter().map(|t| vec![Cell::text(&t.label), Cell::Count(count(t.count))]).collect();
    (vec![col(what, 40.0), col(counted, 14.0)], rows)
}

fn areas(what: &'static str, rows: &[AreaTally]) -> (Vec<Column>, Vec<Vec<Cell>>) {
    let rows = rows
        .iter()
        .map(|a| {
            vec![
                Cell::text(&a.code),
                Cell::text(&a.name),
                Cell::Count(count(a.structures)),
                Cell::Count(count(a.cases)),
            ]
        })
        .collect();
    (vec![col("Code", 12.0), col(what, 40.0), col("Structures", 12.0), col("Accompagnements", 16.0)], rows)
}

fn engagements(what: &'static str, rows: &[EngagementTally]) -> (Vec<Column>, Vec<Vec<Cell>>) {
    let rows = rows
        .iter()
        .map(|e| {
            vec![Cell::text(&e.label), Cell::Count(count(e.count)), Cell::Hundredths(e.days.0), Cell::Money(e.cost_ht)]
        })
        .collect();
    (vec![col(what, 40.0), col("Ingénieries", 12.0), col("Jours", 10.0), col("Coût HT", 14.0)], rows)
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn share(hundredths: Option<i64>) -> Cell {
    hundredths.map_or(Cell::Empty, Cell::Percent)
}

/// The chart's table, as its disclosure in the window shows it.
pub(crate) fn table(o: &Observatory, chart: ObservatoryChart) -> Sheet {
    use ObservatoryChart as C;
    let t = &o.totals;
    let (columns, rows) = match chart {
        C::Stages => tallies("Étape au dernier jour", "Accompagnements", &o.stages),
        C::Opened => tallies("Période", "Demandes reçues", &o.opened),
        C::Departements => areas("Département", &o.departements),
        C::Epcis => areas("Intercommunalité", &o.epcis),
        C::Sectors => tallies("Secteur (NAF)", "Structures", &o.sectors),
        C::CulturalTypes => tallies("Type culturel", "Structures", &o.cultural_types),
        C::LegalForms => tallies("Forme juridique", "Structures", &o.legal_forms),
        C::BudgetBands => tallies("Budget", "Structures", &o.budget_bands),
        C::HeadcountBands => tallies("Effectif salarié", "Structures", &o.headcount_bands),
        C::Referrals => tallies("Type de partenaire", "Orientations", &o.referrals),
        C::Themes => engagements("Thème", &o.themes),
        C::Modes => engagements("Mode", &o.modes),
        C::Funders => engagements("Financeur", &o.funders),
        C::Needs => (
            vec![
                col("Domaine", 40.0),
                col("Critique", 10.0),
                col("Fragile", 10.0),
                col("Satisfaisant", 12.0),
                col("Point fort", 11.0),
                col("Non noté", 10.0),
                col("Priorité", 10.0),
                col("Part fragile", 12.0),
                col("Part fragile, toute la période", 16.0),
            ],
            o.needs
                .iter()
                .map(|n| {
                    let mut row = vec![Cell::text(&n.label)];
                    row.extend(n.scores.iter().map(|s| Cell::Count(count(*s))));
                    row.extend([
                        Cell::Count(count(n.unscored)),
                        Cell::Count(count(n.priority)),
                        share(n.fragile_share),
                        share(n.whole_fragile_share),
                    ]);
                    row
                })
                .collect(),
        ),
        C::Finance => (
            vec![
                col("Outil", 36.0),
                col("Demandes déposées", 12.0),
                col("Montant demandé", 16.0),
                col("Demandes accordées", 12.0),
                col("Montant obtenu", 16.0),
                col("Demandes refusées", 12.0),
            ],
            t.by_tool
                .iter()
                .map(|b| {
                    vec![
                        Cell::text(&b.tool),
                        Cell::Count(count(b.submitted)),
                        Cell::Money(b.requested),
                        Cell::Count(count(b.granted)),
                        Cell::Money(b.obtained),
                        Cell::Count(count(b.refused)),
                    ]
                })
                .collect(),
        ),
        C::Criteria => (
            vec![col("Critère", 36.0), col("En progrès", 12.0), col("Stable", 10.0), col("En baisse", 12.0)],
            t.criteria
                .iter()
                .map(|c| {
                    vec![
                        Cell::text(&c.criterion),
                        Cell::Count(count(c.plus)),
                        Cell::Count(count(c.equal)),
                        Cell::Count(count(c.minus)),
                    ]
                })
                .collect(),
        ),
    };
    Sheet { name: "Observatoire", columns, rows, totals: Vec::new() }
}

/// The largest drawing written: a chart is a few hundred kilobytes at most.
const MAX_IMAGE: usize = 20 * 1024 * 1024;
const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The drawing's bytes from what the window sends: an SVG document, or a PNG as a
/// `data:image/png;base64,` address; anything else is refused and nothing is written.
pub fn image_file(format: ImageFormat, data: &str) -> Result<Vec<u8>> {
    let refused = || Error::validation("data", "Ce dessin n'a pas pu être préparé\u{a0}: rien n'a été enregistré.");
    if data.len() > MAX_IMAGE {
        return Err(refused());
    }
    match format {
        ImageFormat::Svg => {
            let body = data.trim_start();
            let svg = body.starts_with("<svg") || body.starts_with("<?xml");
            // A file opened in a browser runs the scripts an SVG holds: the charts have none.
            if !svg || body.to_ascii_lowercase().contains("<script") {
                return Err(refused());
            }
            Ok(body.as_bytes().to_vec())
        }
        ImageFormat::Png => {
            let encoded = data.strip_prefix("data:image/png;base64,").ok_or_else(refused)?;
            let bytes = BASE64.decode(encoded.as_bytes()).map_err(|_| refused())?;
            if !bytes.starts_with(PNG_SIGNATURE) {
                return Err(refused());
            }
            Ok(bytes)
        }
    }
}
