//! A period report laid out as sheets: a summary that says of each figure whether it is the
//! period's stock or its flow, one sheet per indicator family of domain.md §8 with one row
//! per case (or ingénierie, application, follow-up) and its totals, and the definitions.
//! Every figure comes from `jalons_core::indicators`.

use jalons_core::indicators::{AggregateRow, DEFINITIONS, PeriodReport, PeriodRule};
use jalons_core::values::{Etp, Money};

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

fn etp(e: Option<Etp>) -> Cell {
    e.map_or(Cell::Empty, |e| Cell::Hundredths(e.0))
}

fn money(m: Option<Money>) -> Cell {
    m.map_or(Cell::Empty, Cell::Money)
}

fn day(d: Option<chrono::NaiveDate>) -> Cell {
    d.map_or(Cell::Empty, Cell::Date)
}

/// `+1`, `-2`: the change between two figures when both are known.
fn change(before: Option<i64>, after: Option<i64>) -> Option<i64> {
    Some(after? - before?)
}

pub fn sheets(r: &PeriodReport) -> Vec<Sheet> {
    vec![summary(r), structures(r), territory(r), jobs(r), engagements(r), finance(r), follow_ups(r), definitions()]
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
    use PeriodRule::{Flow, Frame, Stock};
    let t = &r.totals;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut line = |label: &str, value: Cell, rule: PeriodRule| {
        rows.push(vec![Cell::text(label), value, Cell::text(rule.label())]);
    };
    line("Période", Cell::text(period_line(r)), Frame);
    line("Accompagnements de la période", count(t.cases), Stock);
    line("Structures accueillies", count(t.structures), Stock);
    line("Premier accompagnement", count(t.first_time), Stock);
    line("Retour d'une structure déjà accompagnée", count(t.returning), Stock);
    line("Structures avec au moins une ingénierie", count(t.with_engagement), Stock);
    line("En QPV", count(t.qpv), Stock);
    line("En FRR ou FRR+", count(t.frr), Stock);
    line("En commune rurale", count(t.rural), Stock);
    line("Commune rurale, selon", Cell::text(&t.rural_rule), Frame);
    line("Structures dont l'effectif au diagnostic est connu", count(t.staff_known), Stock);
    line("Salariés au diagnostic", Cell::Count(t.headcount_diagnostic), Stock);
    line("ETP au diagnostic", Cell::Hundredths(t.etp_diagnostic.0), Stock);
    line("Part des CDI", t.cdi_share.map_or(Cell::Empty, Cell::Percent), Stock);
    line("Demandes reçues", count(t.requested_cases), Flow);
    line("Accompagnements terminés", count(t.finished_cases), Flow);
    line("Diagnostics validés", count(t.diagnosed), Flow);
    line("Ingénieries engagées", count(t.engaged), Flow);
    line("dont individuelles", count(t.individual), Flow);
    line("dont collectives", count(t.collective), Flow);
    line("Jours de consultant", Cell::Hundredths(t.days.0), Flow);
    line("Coût HT des ingénieries", Cell::Money(t.cost_ht), Flow);
    line("Coût TTC des ingénieries", Cell::Money(t.cost_ttc), Flow);
    if let Some(whole) = t.cases_cost_ht {
        line("Coût HT des ingénieries de ces accompagnements, tous financeurs", Cell::Money(whole), Flow);
        line("Part payée par la ligne", t.line_share.map_or(Cell::Empty, Cell::Percent), Flow);
    }
    line("Ingénieries achevées", count(t.delivered), Flow);
    line("Ingénieries annulées", count(t.cancelled), Flow);
    line("Demandes de financement déposées", count(t.submitted), Flow);
    line("Financements solidaires demandés", Cell::Money(t.requested), Flow);
    line("Demandes accordées", count(t.granted), Flow);
    line("Financements solidaires obtenus", Cell::Money(t.obtained), Flow);
    line("Demandes refusées", count(t.refused), Flow);
    line("Montant des demandes refusées", Cell::Money(t.refused_amount), Flow);
    for tool in &t.by_tool {
        line(&format!("  {}\u{a0}: demandé", tool.tool), Cell::Money(tool.requested), Flow);
        line(&format!("  {}\u{a0}: obtenu", tool.tool), Cell::Money(tool.obtained), Flow);
    }
    line("Suivis réalisés", count(t.followed_up), Flow);
    line("dont dans la fenêtre de 12 à 18 mois", count(t.in_window), Flow);
    line("Structures comparées au suivi", count(t.compared), Flow);
    line("Salariés avant (au diagnostic)", Cell::Count(t.headcount_before), Flow);
    line("Salariés après (au suivi)", Cell::Count(t.headcount_after), Flow);
    line("Évolution des salariés", Cell::Count(t.headcount_after - t.headcount_before), Flow);
    line("ETP avant (au diagnostic)", Cell::Hundredths(t.etp_before.0), Flow);
    line("ETP après (au suivi)", Cell::Hundredths(t.etp_after.0), Flow);
    line("Évolution des ETP", Cell::Hundredths(t.etp_after.0 - t.etp_before.0), Flow);
    for c in &t.criteria {
        line(
            &format!("{} au suivi (+ / = / −)", c.criterion),
            Cell::text(format!("{} / {} / {}", c.plus, c.equal, c.minus)),
            Flow,
        );
    }
    Sheet {
        name: "Synthèse",
        columns: vec![col("Indicateur", 52.0), col("Valeur", 40.0), col("Règle", 10.0)],
        rows,
        totals: Vec::new(),
    }
}

/// The last line of the sheets of cases: counted over structures, each once.
fn structures_total(r: &PeriodReport) -> Cell {
    Cell::text(format!(
        "Total\u{a0}: {}, chacune une fois",
        jalons_core::french::count(r.totals.structures, "structure", "structures")
    ))
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
            col("Étape en fin de période", 20.0),
            col("Demande du", 11.0),
            col("Premier accompagnement", 12.0),
            col("Diagnostic validé le", 12.0),
            col("Avec ingénierie", 12.0),
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
                    day(c.diagnosed_on),
                    Cell::YesNo(c.with_engagement),
                ]
            })
            .collect(),
        totals: vec![line_at(
            12,
            vec![(0, structures_total(r)), (9, count(t.first_time)), (11, count(t.with_engagement))],
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
            vec![(0, structures_total(r)), (7, count(t.qpv)), (8, count(t.frr)), (9, count(t.rural))],
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
            col("Diagnostic validé le", 12.0),
            col("Salariés au diagnostic", 12.0),
            col("ETP au diagnostic", 12.0),
            col("Salariés aujourd'hui", 12.0),
            col("dont CDI", 10.0),
        ],
        rows: r
            .cases
            .iter()
            .map(|c| {
                vec![
                    Cell::text(&c.reference),
                    Cell::text(&c.structure),
                    day(c.diagnosed_on),
                    Cell::opt_count(c.headcount_diagnostic),
                    etp(c.etp_diagnostic),
                    Cell::opt_count(c.employees),
                    Cell::opt_count(c.cdi),
                ]
            })
            .collect(),
        totals: vec![
            line_at(
                7,
                vec![
                    (0, structures_total(r)),
                    (1, Cell::text("au dernier diagnostic de la période")),
                    (3, Cell::Count(t.headcount_diagnostic)),
                    (4, Cell::Hundredths(t.etp_diagnostic.0)),
                ],
            ),
            vec![Cell::text("Part des CDI"), t.cdi_share.map_or(Cell::Empty, Cell::Percent)],
        ],
    }
}

fn engagements(r: &PeriodReport) -> Sheet {
    let t = &r.totals;
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
            col("État en fin de période", 20.0),
            col("Consultant retenu le", 12.0),
            col("Engagée dans la période", 12.0),
            col("Rapport final le", 12.0),
            col("Annulée le", 12.0),
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
                    day(e.decided_on),
                    Cell::YesNo(e.engaged_in_period),
                    day(e.delivered_on),
                    day(e.cancelled_on),
                    Cell::text(&e.cases),
                    Cell::text(&e.structures),
                ]
            })
            .collect(),
        totals: vec![
            vec![
                Cell::text(format!("Engagées dans la période\u{a0}: {}", t.engaged)),
                Cell::Empty,
                Cell::text(format!("{} ind. · {} coll.", t.individual, t.collective)),
                Cell::Empty,
                Cell::Hundredths(t.days.0),
                Cell::Money(t.cost_ht),
                Cell::Money(t.cost_ttc),
            ],
            vec![Cell::text(format!(
                "Achevées dans la période\u{a0}: {} · annulées\u{a0}: {}",
                t.delivered, t.cancelled
            ))],
        ],
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
                Cell::text(format!(
                    "{} · {} · {}",
                    jalons_core::french::count(tool.submitted, "déposée", "déposées"),
                    jalons_core::french::count(tool.granted, "accordée", "accordées"),
                    jalons_core::french::count(tool.refused, "refusée", "refusées")
                )),
                Cell::Money(tool.requested),
                Cell::Money(tool.obtained),
            ]
        })
        .collect();
    totals.push(line_at(
        6,
        vec![(0, Cell::text("Total de la période")), (4, Cell::Money(t.requested)), (5, Cell::Money(t.obtained))],
    ));
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
            col("Déposée le", 11.0),
            col("Décision du", 11.0),
            col("Déposée dans la période", 12.0),
            col("Décidée dans la période", 12.0),
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
                    money(f.obtained),
                    Cell::text(&f.status),
                    day(f.submitted_on),
                    day(f.decision_date),
                    Cell::YesNo(f.submitted_in_period),
                    Cell::YesNo(f.granted_in_period || f.refused_in_period),
                ]
            })
            .collect(),
        totals,
    }
}

fn follow_ups(r: &PeriodReport) -> Sheet {
    let t = &r.totals;
    let criterion_line = |label: &str, pick: fn(&jalons_core::indicators::CriterionCount) -> usize| {
        let mut row = line_at(11, vec![(0, Cell::text(label))]);
        row.extend(t.criteria.iter().map(|c| count(pick(c))));
        row
    };
    Sheet {
        name: "Suivis",
        columns: vec![
            col("Référence", 11.0),
            col("Structure", 32.0),
            col("Suivi le", 11.0),
            col("Diagnostic validé le", 12.0),
            col("Dans la fenêtre de 12 à 18 mois", 12.0),
            col("Salariés avant", 10.0),
            col("Salariés après", 10.0),
            col("ETP avant", 10.0),
            col("ETP après", 10.0),
            col("Évolution des salariés", 10.0),
            col("Évolution des ETP", 10.0),
            col("Emploi", 16.0),
            col("Santé économique et financière", 16.0),
            col("Vision stratégique", 16.0),
            col("Partenariats locaux", 16.0),
        ],
        rows: r
            .follow_ups
            .iter()
            .map(|u| {
                let mut row = vec![
                    Cell::text(&u.reference),
                    Cell::text(&u.structure),
                    Cell::Date(u.done_on),
                    day(u.diagnosed_on),
                    Cell::YesNo(u.in_window),
                    Cell::opt_count(u.headcount_before),
                    Cell::opt_count(u.headcount_after),
                    etp(u.etp_before),
                    etp(u.etp_after),
                    Cell::opt_count(change(u.headcount_before, u.headcount_after)),
                    change(u.etp_before.map(|e| e.0), u.etp_after.map(|e| e.0)).map_or(Cell::Empty, Cell::Hundredths),
                ];
                row.extend(u.criteria.iter().map(|c| Cell::text(c.label())));
                row
            })
            .collect(),
        totals: vec![
            line_at(
                15,
                vec![
                    (0, Cell::text(format!("Comparés\u{a0}: {}", t.compared))),
                    (4, count(t.in_window)),
                    (5, Cell::Count(t.headcount_before)),
                    (6, Cell::Count(t.headcount_after)),
                    (7, Cell::Hundredths(t.etp_before.0)),
                    (8, Cell::Hundredths(t.etp_after.0)),
                    (9, Cell::Count(t.headcount_after - t.headcount_before)),
                    (10, Cell::Hundredths(t.etp_after.0 - t.etp_before.0)),
                ],
            ),
            criterion_line("+ En progrès", |c| c.plus),
            criterion_line("= Stable", |c| c.equal),
            criterion_line("− En recul", |c| c.minus),
        ],
    }
}

fn definitions() -> Sheet {
    let rules = PeriodRule::ALL.iter().map(|rule| {
        vec![
            Cell::text("Règles de période"),
            Cell::text(rule.label()),
            Cell::text(rule.label()),
            Cell::text(rule.meaning()),
        ]
    });
    Sheet {
        name: "Définitions",
        columns: vec![col("Famille", 22.0), col("Indicateur", 36.0), col("Règle", 10.0), col("Définition", 110.0)],
        rows: rules
            .chain(DEFINITIONS.iter().map(|d| {
                vec![
                    Cell::text(d.family),
                    Cell::text(d.indicator),
                    Cell::text(d.rule.label()),
                    Cell::text(d.definition),
                ]
            }))
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
    // The jobs' own columns: the reference, the structure and the diagnostic's day are
    // already in the first sheet's.
    columns.extend(j.columns.into_iter().skip(3));
    let rows = s
        .rows
        .into_iter()
        .zip(t.rows)
        .zip(j.rows)
        .map(|((mut a, b), c)| {
            a.extend(b.into_iter().skip(2));
            a.extend(c.into_iter().skip(3));
            a
        })
        .collect();
    Sheet { name: "Accompagnements", columns, rows, totals: Vec::new() }
}

pub fn aggregates_table(rows: &[AggregateRow]) -> Sheet {
    Sheet {
        name: "Agrégats",
        columns: vec![
            col("Territoire", 24.0),
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
                    Cell::text(&a.territory),
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
