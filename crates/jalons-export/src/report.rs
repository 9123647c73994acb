//! A period report laid out as sheets: a summary, one sheet per indicator family of
//! domain.md §8 with one row per case (or ingénierie, or application) and its totals, and
//! the definitions. Every figure comes from `jalons_core::indicators`.

use jalons_core::indicators::{AggregateRow, DEFINITIONS, PeriodReport};
use jalons_core::values::Money;

use crate::french::date;
use crate::table::{Cell, Sheet, col};

/// A totals line as wide as its sheet: these cells at these columns, the rest empty.
fn line_at(width: usize, cells: Vec<(usize, Cell)>) -> Vec<Cell> {
    let mut row = vec![Cell::Empty; width];
    for (column, cell) in cells {
        row[column] = cell;
    }
    row
}

fn count(n: usize) -> Cell {
    Cell::Count(i64::try_from(n).unwrap_or(i64::MAX))
}

/// `+1`, `-2`: the change between two figures when both are known.
fn change(before: Option<i64>, after: Option<i64>) -> Option<i64> {
    Some(after? - before?)
}

pub fn sheets(r: &PeriodReport) -> Vec<Sheet> {
    vec![summary(r), structures(r), territory(r), jobs(r), engagements(r), finance(r), performance(r), definitions()]
}

fn period_line(r: &PeriodReport) -> String {
    let p = &r.period;
    format!(
        "Du {} au {} · {}",
        date(p.from),
        date(p.to),
        p.funder.as_deref().map_or_else(|| "tous financeurs".to_owned(), |f| format!("financé par {f}"))
    )
}

fn summary(r: &PeriodReport) -> Sheet {
    let t = &r.totals;
    let line = |label: &str, value: Cell| vec![Cell::text(label), value];
    let mut rows = vec![
        line("Période", Cell::text(period_line(r))),
        line("Accompagnements de la période", count(t.cases)),
        line("Structures accueillies", count(t.structures)),
        line("Structures diagnostiquées", count(t.diagnosed)),
        line("Structures avec au moins une ingénierie", count(t.with_engagement)),
        line("Structures suivies", count(t.followed_up)),
        line("Premier accompagnement", count(t.first_time)),
        line("Retour d'une structure déjà accompagnée", count(t.returning)),
        line("En QPV", count(t.qpv)),
        line("En FRR ou FRR+", count(t.frr)),
        line("En commune rurale", count(t.rural)),
        line("Salariés au diagnostic", Cell::Count(t.headcount_diagnostic)),
        line("ETP au diagnostic", Cell::Hundredths(t.etp_diagnostic.0)),
        line(
            "Évolution des salariés (structures suivies)",
            Cell::Count(t.headcount_compared_after - t.headcount_compared_before),
        ),
        line(
            "Évolution des ETP (structures suivies)",
            Cell::Hundredths(t.etp_compared_after.0 - t.etp_compared_before.0),
        ),
        line("Part des CDI", t.cdi_share.map_or(Cell::Empty, Cell::Percent)),
        line("Ingénieries", count(t.engagements)),
        line("dont individuelles", count(t.individual)),
        line("dont collectives", count(t.collective)),
        line("Jours de consultant", Cell::Hundredths(t.days.0)),
        line("Coût HT des ingénieries", Cell::Money(t.cost_ht)),
        line("Coût TTC des ingénieries", Cell::Money(t.cost_ttc)),
        line("Financements solidaires demandés", Cell::Money(t.requested)),
        line("Financements solidaires obtenus", Cell::Money(t.obtained)),
    ];
    for tool in &t.by_tool {
        rows.push(line(&format!("  {}\u{a0}: demandé", tool.tool), Cell::Money(tool.requested)));
        rows.push(line(&format!("  {}\u{a0}: obtenu", tool.tool), Cell::Money(tool.obtained)));
    }
    for c in &t.criteria {
        rows.push(line(
            &format!("{} au suivi (+ / = / −)", c.criterion),
            Cell::text(format!("{} / {} / {}", c.plus, c.equal, c.minus)),
        ));
    }
    Sheet { name: "Synthèse", columns: vec![col("Indicateur", 46.0), col("Valeur", 40.0)], rows, totals: Vec::new() }
}

fn structures(r: &PeriodReport) -> Sheet {
    let t = &r.totals;
    Sheet {
        name: "Structures",
        columns: vec![
            col("Référence", 11.0),
            col("Structure", 32.0),
            col("Forme juridique", 24.0),
            col("Code NAF", 9.0),
            col("Type culturel", 22.0),
            col("Tranche de budget", 18.0),
            col("Tranche d'effectif", 18.0),
            col("Étape", 20.0),
            col("Demande du", 11.0),
            col("Premier accompagnement", 12.0),
            col("Diagnostiquée", 12.0),
            col("Avec ingénierie", 12.0),
            col("Suivie", 10.0),
        ],
        rows: r
            .cases
            .iter()
            .map(|c| {
                vec![
                    Cell::text(&c.reference),
                    Cell::text(&c.structure),
                    Cell::text(&c.legal_form),
                    Cell::opt_text(&c.naf),
                    Cell::opt_text(&c.cultural_type),
                    Cell::opt_text(&c.budget_band),
                    Cell::opt_text(&c.headcount_band),
                    Cell::text(&c.stage),
                    Cell::Date(c.request_date),
                    Cell::YesNo(c.first_time),
                    Cell::YesNo(c.diagnosed),
                    Cell::YesNo(c.with_engagement),
                    Cell::YesNo(c.followed_up),
                ]
            })
            .collect(),
        totals: vec![line_at(
            13,
            vec![
                (0, Cell::text("Total")),
                (1, Cell::text(jalons_core::french::count(t.structures, "structure", "structures"))),
                (9, count(t.first_time)),
                (10, count(t.diagnosed)),
                (11, count(t.with_engagement)),
                (12, count(t.followed_up)),
            ],
        )],
    }
}

fn territory(r: &PeriodReport) -> Sheet {
    let t = &r.totals;
    Sheet {
        name: "Territoire",
        columns: vec![
            col("Référence", 11.0),
            col("Structure", 32.0),
            col("Commune", 20.0),
            col("Département", 8.0),
            col("Nom du département", 18.0),
            col("EPCI", 30.0),
            col("Région", 24.0),
            col("QPV", 6.0),
            col("FRR", 10.0),
            col("Rurale", 8.0),
        ],
        rows: r
            .cases
            .iter()
            .map(|c| {
                vec![
                    Cell::text(&c.reference),
                    Cell::text(&c.structure),
                    Cell::opt_text(&c.commune),
                    Cell::opt_text(&c.departement),
                    Cell::opt_text(&c.departement_name),
                    Cell::opt_text(&c.epci),
                    Cell::opt_text(&c.region),
                    Cell::YesNo(c.qpv),
                    Cell::text(&c.frr),
                    c.rural.map_or(Cell::Empty, Cell::YesNo),
                ]
            })
            .collect(),
        totals: vec![line_at(
            10,
            vec![
                (0, Cell::text("Total")),
                (1, Cell::text(jalons_core::french::count(t.structures, "structure", "structures"))),
                (7, count(t.qpv)),
                (8, count(t.frr)),
                (9, count(t.rural)),
            ],
        )],
    }
}

fn jobs(r: &PeriodReport) -> Sheet {
    let t = &r.totals;
    Sheet {
        name: "Emploi",
        columns: vec![
            col("Référence", 11.0),
            col("Structure", 32.0),
            col("Salariés au diagnostic", 12.0),
            col("ETP au diagnostic", 12.0),
            col("Salariés au suivi", 12.0),
            col("ETP au suivi", 12.0),
            col("Évolution des salariés", 12.0),
            col("Évolution des ETP", 12.0),
            col("Salariés aujourd'hui", 12.0),
            col("dont CDI", 10.0),
        ],
        rows: r
            .cases
            .iter()
            .map(|c| {
                let etp = |e: Option<jalons_core::values::Etp>| e.map_or(Cell::Empty, |e| Cell::Hundredths(e.0));
                vec![
                    Cell::text(&c.reference),
                    Cell::text(&c.structure),
                    Cell::opt_count(c.headcount_diagnostic),
                    etp(c.etp_diagnostic),
                    Cell::opt_count(c.headcount_follow_up),
                    etp(c.etp_follow_up),
                    Cell::opt_count(change(c.headcount_diagnostic, c.headcount_follow_up)),
                    change(c.etp_diagnostic.map(|e| e.0), c.etp_follow_up.map(|e| e.0))
                        .map_or(Cell::Empty, Cell::Hundredths),
                    Cell::opt_count(c.employees),
                    Cell::opt_count(c.cdi),
                ]
            })
            .collect(),
        totals: vec![
            vec![
                Cell::text("Total"),
                Cell::Empty,
                Cell::Count(t.headcount_diagnostic),
                Cell::Hundredths(t.etp_diagnostic.0),
                Cell::Count(t.headcount_compared_after),
                Cell::Hundredths(t.etp_compared_after.0),
                Cell::Count(t.headcount_compared_after - t.headcount_compared_before),
                Cell::Hundredths(t.etp_compared_after.0 - t.etp_compared_before.0),
                Cell::Empty,
                Cell::Empty,
            ],
            vec![Cell::text("Part des CDI"), t.cdi_share.map_or(Cell::Empty, Cell::Percent)],
        ],
    }
}

fn engagements(r: &PeriodReport) -> Sheet {
    let t = &r.totals;
    let money = |m: Option<Money>| m.map_or(Cell::Empty, Cell::Money);
    Sheet {
        name: "Ingénieries",
        columns: vec![
            col("Ingénierie", 40.0),
            col("Thème", 24.0),
            col("Mode", 12.0),
            col("Consultant", 22.0),
            col("Jours", 8.0),
            col("Coût HT", 13.0),
            col("Coût TTC", 13.0),
            col("Ligne de financement", 30.0),
            col("État", 20.0),
            col("Accompagnements", 20.0),
            col("Structures", 36.0),
        ],
        rows: r
            .engagements
            .iter()
            .map(|e| {
                vec![
                    Cell::text(&e.title),
                    Cell::text(&e.theme),
                    Cell::text(&e.mode),
                    Cell::opt_text(&e.consultant),
                    e.days.map_or(Cell::Empty, |d| Cell::Hundredths(d.0)),
                    money(e.cost_ht),
                    money(e.cost_ttc),
                    Cell::opt_text(&e.funder),
                    Cell::text(&e.status),
                    Cell::text(&e.cases),
                    Cell::text(&e.structures),
                ]
            })
            .collect(),
        totals: vec![vec![
            Cell::text(format!("Total (hors annulées)\u{a0}: {}", t.engagements)),
            Cell::Empty,
            Cell::text(format!("{} ind. · {} coll.", t.individual, t.collective)),
            Cell::Empty,
            Cell::Hundredths(t.days.0),
            Cell::Money(t.cost_ht),
            Cell::Money(t.cost_ttc),
        ]],
    }
}

fn finance(r: &PeriodReport) -> Sheet {
    let t = &r.totals;
    let mut totals: Vec<Vec<Cell>> = t
        .by_tool
        .iter()
        .map(|tool| {
            vec![
                Cell::text("Sous-total"),
                Cell::Empty,
                Cell::text(&tool.tool),
                Cell::text(format!("{} demande(s)", tool.applications)),
                Cell::Money(tool.requested),
                Cell::Money(tool.obtained),
            ]
        })
        .collect();
    totals
        .push(line_at(6, vec![(0, Cell::text("Total")), (4, Cell::Money(t.requested)), (5, Cell::Money(t.obtained))]));
    Sheet {
        name: "Financements solidaires",
        columns: vec![
            col("Référence", 11.0),
            col("Structure", 32.0),
            col("Outil", 30.0),
            col("Organisme", 22.0),
            col("Demandé", 13.0),
            col("Obtenu", 13.0),
            col("État", 14.0),
            col("Décision du", 11.0),
        ],
        rows: r
            .finance
            .iter()
            .map(|f| {
                vec![
                    Cell::text(&f.reference),
                    Cell::text(&f.structure),
                    Cell::text(&f.tool),
                    Cell::opt_text(&f.body),
                    Cell::Money(f.requested),
                    f.obtained.map_or(Cell::Empty, Cell::Money),
                    Cell::text(&f.status),
                    f.decision_date.map_or(Cell::Empty, Cell::Date),
                ]
            })
            .collect(),
        totals,
    }
}

fn performance(r: &PeriodReport) -> Sheet {
    let t = &r.totals;
    let line = |label: &str, pick: fn(&jalons_core::indicators::CriterionCount) -> usize| {
        let mut row = vec![Cell::text(label), Cell::Empty, Cell::Empty];
        row.extend(t.criteria.iter().map(|c| count(pick(c))));
        row
    };
    Sheet {
        name: "Critères de performance",
        columns: vec![
            col("Référence", 11.0),
            col("Structure", 32.0),
            col("Suivi le", 11.0),
            col("Emploi", 16.0),
            col("Santé économique et financière", 16.0),
            col("Vision stratégique", 16.0),
            col("Partenariats locaux", 16.0),
        ],
        rows: r
            .performance
            .iter()
            .map(|p| {
                let mut row = vec![Cell::text(&p.reference), Cell::text(&p.structure), Cell::Date(p.follow_up_on)];
                row.extend(p.criteria.iter().map(|c| Cell::text(c.label())));
                row
            })
            .collect(),
        totals: vec![line("+ En progrès", |c| c.plus), line("= Stable", |c| c.equal), line("− En recul", |c| c.minus)],
    }
}

fn definitions() -> Sheet {
    Sheet {
        name: "Définitions",
        columns: vec![col("Famille", 22.0), col("Indicateur", 36.0), col("Définition", 110.0)],
        rows: DEFINITIONS
            .iter()
            .map(|d| vec![Cell::text(d.family), Cell::text(d.indicator), Cell::text(d.definition)])
            .collect(),
        totals: Vec::new(),
    }
}

/// One row per case, for a spreadsheet of one's own (CSV).
pub fn cases_table(r: &PeriodReport) -> Sheet {
    let s = structures(r);
    let t = territory(r);
    let j = jobs(r);
    let mut columns = s.columns;
    columns.extend(t.columns.into_iter().skip(2));
    columns.extend(j.columns.into_iter().skip(2));
    let rows = s
        .rows
        .into_iter()
        .zip(t.rows)
        .zip(j.rows)
        .map(|((mut a, b), c)| {
            a.extend(b.into_iter().skip(2));
            a.extend(c.into_iter().skip(2));
            a
        })
        .collect();
    Sheet { name: "Accompagnements", columns, rows, totals: Vec::new() }
}

pub fn aggregates_table(rows: &[AggregateRow]) -> Sheet {
    Sheet {
        name: "Agrégats",
        columns: vec![
            col("Département", 20.0),
            col("Secteur", 28.0),
            col("Structures accompagnées", 14.0),
            col("Structures diagnostiquées", 14.0),
            col("Structures avec ingénierie", 14.0),
            col("ETP au diagnostic", 12.0),
        ],
        rows: rows
            .iter()
            .map(|a| {
                vec![
                    Cell::text(&a.departement),
                    Cell::text(&a.sector),
                    Cell::text(&a.structures),
                    Cell::text(&a.diagnosed),
                    Cell::text(&a.with_engagement),
                    Cell::text(&a.etp_diagnostic),
                ]
            })
            .collect(),
        totals: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_need_both_figures() {
        assert_eq!(change(Some(3), Some(4)), Some(1));
        assert_eq!(change(None, Some(4)), None);
    }
}
