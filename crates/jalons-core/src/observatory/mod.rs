//! The Observatoire: what the accompaniments of a period say of a territory, a sector or a
//! legal form, to see at a glance and hand to partners. Everything is counted from the
//! period report's rows (indicators/rows.rs), kept by the selection (filter.rs): the
//! period's totals, each with its written definition, then cases by stage and by month,
//! structures by territory, sector, legal form and band, ingénieries by theme, mode and
//! funder (tallies.rs), referrals by partner type, and the diagnostics' needs by domain
//! beside the whole period's (needs.rs). An ingénierie serving structures of several
//! territories counts in each.

mod choices;
mod filter;
mod needs;
mod tallies;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use choices::ObservatoryChoices;
pub use filter::ObservatoryFilter;
pub use needs::DomainNeeds;
pub use tallies::{AreaTally, EngagementTally, Tally, UNKNOWN};

use crate::indicators::rows::CaseFlows;
use crate::indicators::scope::{FUNDED, query};
use crate::indicators::totals::{self, Facts};
use crate::indicators::{CaseRow, Period, Totals};
use crate::labels::labelled_enum;
use crate::partners::PartnerKind;
use crate::{Result, Store};

labelled_enum!(
    /// Each chart of the Observatoire, whose data or drawing can be saved.
    ObservatoryChart, "un graphique de l'Observatoire" {
        Stages => "stages", "Accompagnements par étape";
        Opened => "opened", "Demandes reçues";
        Departements => "departements", "Structures par département";
        Epcis => "epcis", "Structures par intercommunalité";
        Sectors => "sectors", "Structures par secteur";
        CulturalTypes => "cultural_types", "Structures par type culturel";
        LegalForms => "legal_forms", "Structures par forme juridique";
        BudgetBands => "budget_bands", "Structures par tranche de budget";
        HeadcountBands => "headcount_bands", "Structures par effectif salarié";
        Needs => "needs", "Besoins par domaine";
        Themes => "themes", "Ingénieries par thème";
        Modes => "modes", "Ingénieries par mode";
        Funders => "funders", "Ingénieries par financeur";
        Finance => "finance", "Financements solidaires par outil";
        Referrals => "referrals", "Orientations par type de partenaire";
        Criteria => "criteria", "Critères de performance au suivi";
    }
);

/// The formats of a chart's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TableFormat {
    Csv,
    Xlsx,
}

/// The formats of a chart's drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImageFormat {
    Png,
    Svg,
}

/// The Observatoire's page for one filter.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Observatory {
    pub period: Period,
    /// What the selection keeps, one part per filter; empty for the whole period.
    pub scope: Vec<String>,
    pub totals: Totals,
    /// Cases by their stage on the period's last day.
    pub stages: Vec<Tally>,
    /// Requests received, by month (by quarter over more than two years).
    pub opened: Vec<Tally>,
    pub departements: Vec<AreaTally>,
    pub epcis: Vec<AreaTally>,
    /// Structures, each once, by NAF code, cultural type, legal form and band.
    pub sectors: Vec<Tally>,
    pub cultural_types: Vec<Tally>,
    pub legal_forms: Vec<Tally>,
    pub budget_bands: Vec<Tally>,
    pub headcount_bands: Vec<Tally>,
    /// Ingénieries engaged in the period.
    pub themes: Vec<EngagementTally>,
    pub modes: Vec<EngagementTally>,
    pub funders: Vec<EngagementTally>,
    /// Referrals made in the period, by the partner's type.
    pub referrals: Vec<Tally>,
    /// Diagnostics validated by the period's last day, in the selection and in the whole.
    pub diagnostics: usize,
    pub whole_diagnostics: usize,
    pub needs: Vec<DomainNeeds>,
    /// What the filters may choose from: what the period's cases hold.
    pub choices: ObservatoryChoices,
}

impl Store {
    /// The period a filter names, checked as `observatory` checks it: what a saved chart's
    /// file is named after.
    pub fn observatory_period(&self, filter: &ObservatoryFilter) -> Result<Period> {
        Ok(filter.validate(self)?.0)
    }

    pub fn observatory(&self, filter: &ObservatoryFilter) -> Result<Observatory> {
        let (period, selection) = filter.validate(self)?;
        let conn = self.conn();
        let report = self.remembered_report(period.clone())?;
        let kept: Vec<&CaseRow> = report.cases.iter().filter(|c| selection.keeps(c)).collect();
        let references: HashSet<&str> = kept.iter().map(|c| c.reference.as_str()).collect();
        let serves = |cases: &str| cases.split(", ").any(|r| references.contains(r));

        let cases: Vec<CaseRow> = kept.iter().map(|c| (*c).clone()).collect();
        let engagements: Vec<_> = report.engagements.iter().filter(|e| serves(&e.cases)).cloned().collect();
        let finance: Vec<_> =
            report.finance.iter().filter(|f| references.contains(f.reference.as_str())).cloned().collect();
        let follow_ups: Vec<_> =
            report.follow_ups.iter().filter(|f| references.contains(f.reference.as_str())).cloned().collect();
        let finished = finished_references(conn, &period)?;
        let flows = CaseFlows {
            requested: kept.iter().filter(|c| period.holds(c.request_date)).count(),
            finished: finished.iter().filter(|r| references.contains(r.as_str())).count(),
            diagnosed: kept.iter().filter(|c| c.diagnosed_on.is_some_and(|d| period.holds(d))).count(),
        };
        let totals = totals::totals(&Facts {
            cases: &cases,
            flows: &flows,
            engagements: &engagements,
            cases_cost_ht: None,
            finance: &finance,
            follow_ups: &follow_ups,
            rural_rule: report.totals.rural_rule.clone(),
        });

        let firsts: Vec<&CaseRow> = totals::structures(&cases).into_iter().map(|s| s.first).collect();
        let engaged: Vec<_> = engagements.iter().collect();
        let diagnosed: HashSet<&str> =
            kept.iter().filter(|c| c.diagnosed_on.is_some()).map(|c| c.reference.as_str()).collect();
        let all_diagnosed: HashSet<&str> =
            report.cases.iter().filter(|c| c.diagnosed_on.is_some()).map(|c| c.reference.as_str()).collect();
        let scores = needs::score_rows(conn, &period)?;
        let referrals = referral_kinds(conn, &period)?;

        Ok(Observatory {
            scope: selection.scope(),
            stages: tallies::stages(&kept),
            opened: tallies::opened(&kept, period.from, period.to),
            departements: tallies::areas(&kept, |c| Some((c.departement.as_deref()?, c.departement_name.as_deref()?))),
            epcis: tallies::areas(&kept, |c| Some((c.epci_code.as_deref()?, c.epci.as_deref()?))),
            sectors: tallies::structures(&firsts, |c| c.naf_label.as_deref()),
            cultural_types: tallies::structures(&firsts, |c| c.cultural_type.as_deref()),
            legal_forms: tallies::structures(&firsts, |c| Some(c.legal_form.as_str())),
            budget_bands: tallies::budget_bands(&firsts),
            headcount_bands: tallies::headcount_bands(&firsts),
            themes: tallies::engagements(&engaged, |e| Some(e.theme.clone())),
            modes: tallies::engagements(&engaged, |e| Some(e.mode.clone())),
            funders: tallies::engagements(&engaged, |e| e.funder.clone()),
            referrals: tallies::kinds(
                referrals.iter().filter(|(r, _)| references.contains(r.as_str())).map(|(_, k)| *k),
            ),
            diagnostics: diagnosed.len(),
            whole_diagnostics: all_diagnosed.len(),
            needs: needs::needs(&scores, &diagnosed, &all_diagnosed),
            choices: ObservatoryChoices::of(&report.cases),
            totals,
            period,
        })
    }
}

/// The cases closed on a day of the period, by reference.
fn finished_references(conn: &rusqlite::Connection, period: &Period) -> Result<Vec<String>> {
    let sql = format!(
        "SELECT c.reference FROM case_spans sp JOIN cases c ON c.id = sp.case_id
         WHERE sp.closed_on BETWEEN :from AND :to AND {FUNDED}"
    );
    query(conn, &sql, period, |r| r.get(0))
}

/// The referrals made in the period: the case's reference and the partner's type.
fn referral_kinds(conn: &rusqlite::Connection, period: &Period) -> Result<Vec<(String, PartnerKind)>> {
    let sql = format!(
        "SELECT c.reference, p.kind FROM referrals r JOIN cases c ON c.id = r.case_id JOIN partners p ON p.id = r.partner_id
         WHERE r.referred_on BETWEEN :from AND :to AND {FUNDED}"
    );
    query(conn, &sql, period, |r| Ok((r.get(0)?, r.get(1)?)))
}
