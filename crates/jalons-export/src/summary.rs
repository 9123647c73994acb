//! The case summary (fiche de synthèse, domain.md §9): the case's dossier laid out by the
//! template `assets/templates/fiche-synthese.typ`, with the confidential parts chosen.

use chrono::NaiveDate;
use jalons_core::diagnostic::SCORE_LABELS;
use jalons_core::dossier::{CaseDossier, DossierParts, SummaryPreview};
use jalons_core::follow_up::APPROPRIATION_LABELS;
use jalons_core::plan::ActionStatus;
use jalons_core::reference::idcc_name;
use jalons_core::values::{Etp, Money, Siren, Siret};
use jalons_core::{Error, Result};
use serde_json::{Value, json};

use crate::french::{date, date_or_dash, long_date, or_dash};
use crate::typeset::Document;

const TEMPLATE: &str = include_str!("../../../assets/templates/fiche-synthese.typ");

pub fn summary_pdf(dossier: &CaseDossier, parts: DossierParts, today: NaiveDate) -> Result<Vec<u8>> {
    document(dossier, parts, today)?.pdf(&format!("jalons-fiche-{}", dossier.case.id))
}

pub fn summary_preview(dossier: &CaseDossier, parts: DossierParts, today: NaiveDate) -> Result<SummaryPreview> {
    Ok(SummaryPreview { pages: document(dossier, parts, today)?.svg_pages()?, file_name: file_name(dossier) })
}

/// Without the characters a file system refuses.
pub fn file_name(dossier: &CaseDossier) -> String {
    jalons_core::durable::file_name(
        &format!("Fiche de synthèse {} {}", dossier.case.reference, dossier.structure.name.trim()),
        "pdf",
    )
}

fn document(dossier: &CaseDossier, parts: DossierParts, today: NaiveDate) -> Result<Document> {
    let data = serde_json::to_vec(&view(dossier, parts, today)).map_err(Error::from)?;
    let mut doc = Document::new(TEMPLATE, today).with_file("/data.json", data);
    if let Some(logo) = &dossier.logo {
        let ext = match logo.media_type.as_str() {
            "image/png" => "png",
            "image/jpeg" => "jpg",
            _ => "svg",
        };
        doc = doc.with_file(&format!("/logo.{ext}"), logo.bytes.clone());
    }
    Ok(doc)
}

fn money(m: Option<Money>) -> String {
    or_dash(m)
}

fn etp(e: Option<Etp>) -> String {
    or_dash(e)
}

fn text(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// What the template reads: every value already in French, nothing left to compute.
fn view(d: &CaseDossier, parts: DossierParts, today: NaiveDate) -> Value {
    let s = &d.structure;
    let logo = d.logo.as_ref().map(|l| match l.media_type.as_str() {
        "image/png" => "/logo.png",
        "image/jpeg" => "/logo.jpg",
        _ => "/logo.svg",
    });
    let mut flags = Vec::new();
    if s.ess {
        flags.push("ESS".to_owned());
    }
    if s.esus {
        flags.push("Agrément ESUS".to_owned());
    }
    if s.qpv {
        flags.push(match &s.qpv_code {
            Some(code) => format!("QPV ({code})"),
            None => "QPV".to_owned(),
        });
    }
    if s.frr != jalons_core::structures::Frr::None {
        flags.push(s.frr.label().to_owned());
    }
    let commune = match (&s.commune_name, &s.departement_name, &s.departement) {
        (Some(c), Some(dn), Some(dc)) => format!("{c} — {dn} ({dc})"),
        (Some(c), _, Some(dc)) => format!("{c} ({dc})"),
        (Some(c), _, _) => c.clone(),
        _ => "—".to_owned(),
    };
    let category = match (&s.insee_category, &s.insee_category_label) {
        (Some(code), Some(name)) => format!("{code} – {name}"),
        (code, _) => or_dash(code.as_ref()),
    };
    let naf = match (&s.naf, &s.naf_label) {
        (Some(code), Some(name)) => format!("{code} – {name}"),
        (code, _) => or_dash(code.as_ref()),
    };
    let agreements = if s.idcc.is_empty() {
        "—".to_owned()
    } else {
        let named = s.idcc.iter().map(|c| match idcc_name(c.as_str()) {
            Some(name) => format!("{c} – {name}"),
            None => c.to_string(),
        });
        named.collect::<Vec<_>>().join("\u{202f}; ")
    };
    let identity = [
        ("Forme juridique", s.legal_form.label().to_owned()),
        ("Catégorie juridique", category),
        ("SIRET", s.siret.as_ref().map_or_else(|| "—".to_owned(), Siret::spaced)),
        ("SIREN", s.siren.as_ref().map_or_else(|| "—".to_owned(), Siren::spaced)),
        ("RNA", or_dash(s.rna.as_ref())),
        ("Commune", commune),
        ("Intercommunalité", text(&s.epci_name)),
        ("Région", text(&s.region_name)),
        ("Code NAF", naf),
        ("Conventions collectives", agreements),
        ("Type culturel", text(&s.cultural_type)),
        ("Créée le", date_or_dash(s.creation_date)),
    ];
    let diagnostic = &d.diagnostic;
    let scored = diagnostic.scores.iter().any(|sc| sc.score.is_some());
    let scores: Vec<Value> = if parts.scores && scored {
        diagnostic
            .scores
            .iter()
            .map(|sc| {
                json!({
                    "domain": sc.domain.label(),
                    "score": sc.score,
                    "label": sc.score.and_then(|n| usize::try_from(n).ok()).and_then(|n| SCORE_LABELS.get(n)).copied().unwrap_or("Non évalué"),
                    "priority": sc.priority,
                    "finding": if parts.findings { text(&sc.finding) } else { String::new() },
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let axes: Vec<Value> = d
        .plan
        .axes
        .iter()
        .map(|a| {
            json!({
                "title": a.title,
                "actions": a.actions.iter().map(|x| json!({
                    "kind": x.kind.label(),
                    "description": x.description,
                    "status": x.status.label(),
                    "partner": text(&x.partner),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let engagements: Vec<Value> = d
        .engagements
        .iter()
        .map(|e| {
            json!({
                "title": e.title,
                "theme": e.theme.label(),
                "mode": e.mode.label(),
                "consultant": or_dash(e.consultant_name.as_ref()),
                "days": or_dash(e.days),
                "cost_ht": money(e.cost_ht),
                "cost_ttc": money(e.cost_ttc),
                "funder": or_dash(e.funder.as_ref()),
                "status": e.status.label(),
                "results": text(&e.results),
            })
        })
        .collect();
    let total = |f: fn(&jalons_core::engagements::Engagement) -> Option<Money>| {
        let live = d.engagements.iter().filter(|e| e.cancelled_on.is_none());
        Money(live.filter_map(f).map(|m| m.0).sum())
    };
    let record = d.follow_up.record.as_ref();
    let jobs = json!({
        "diagnostic_headcount": or_dash(diagnostic.headcount),
        "diagnostic_etp": etp(diagnostic.etp),
        "follow_up_headcount": or_dash(record.and_then(|r| r.headcount)),
        "follow_up_etp": etp(record.and_then(|r| r.etp)),
        "headcount_change": match (diagnostic.headcount, record.and_then(|r| r.headcount)) {
            (Some(a), Some(b)) => signed(b - a),
            _ => "—".to_owned(),
        },
        "etp_change": match (diagnostic.etp, record.and_then(|r| r.etp)) {
            (Some(a), Some(b)) => signed_etp(b.0 - a.0),
            _ => "—".to_owned(),
        },
        "known": diagnostic.headcount.is_some() || diagnostic.etp.is_some() || record.is_some(),
        "cdi": or_dash(s.employees_cdi),
        "volunteers": or_dash(s.volunteers),
    });
    let criteria: Vec<Value> = record
        .map(|r| {
            [
                ("Emploi", r.jobs),
                ("Santé économique et financière", r.economic),
                ("Vision stratégique", r.strategy),
                ("Partenariats locaux", r.partnerships),
            ]
            .iter()
            .map(|(name, t)| json!({ "name": name, "trend": t.label() }))
            .collect()
        })
        .unwrap_or_default();
    let follow_up = record.map(|r| {
        json!({
            "done_on": date(r.done_on),
            "appropriation": usize::try_from(r.appropriation).ok().and_then(|n| APPROPRIATION_LABELS.get(n)).copied().unwrap_or("—"),
            "outcome": text(&r.outcome),
            "new_needs": text(&r.new_needs),
        })
    });
    let referrals: Vec<Value> = d
        .referrals
        .iter()
        .map(|r| {
            json!({
                "partner": r.partner_name,
                "date": date(r.referred_on),
                "reason": r.reason,
                "outcome": r.outcome.label(),
            })
        })
        .collect();
    let open_actions: Vec<String> = d
        .plan
        .axes
        .iter()
        .flat_map(|a| a.actions.iter())
        .filter(|x| !matches!(x.status, ActionStatus::Done | ActionStatus::Dropped))
        .map(|x| x.description.clone())
        .collect();
    let finances = parts.finances.then(|| {
        json!({
            "budget": money(s.budget),
            "own_funds": money(s.own_funds),
            "cash": money(s.cash),
            "applications": d.finance.iter().map(|f| json!({
                "tool": f.tool.label(),
                "body": text(&f.body),
                "requested": f.amount_requested.to_string(),
                "obtained": money(f.amount_obtained),
                "status": f.status.label(),
            })).collect::<Vec<_>>(),
        })
    });
    let milestones: Vec<Value> = d
        .timeline
        .iter()
        .map(|t| json!({ "date": date(t.date), "stage": t.to.label(), "reason": text(&t.reason) }))
        .collect();
    let operator = d.operator.as_ref();
    json!({
        "operator": {
            "name": operator.map_or("Dispositif local d'accompagnement", |o| o.name.as_str()),
            "area": operator.and_then(|o| o.area.clone()).unwrap_or_default(),
            "address": operator.and_then(|o| o.address.clone()).unwrap_or_default(),
            "signatory": operator.and_then(|o| o.signatory.clone()).unwrap_or_else(|| d.case.officer.clone()),
            "logo": logo,
        },
        "today": long_date(today),
        "case": {
            "reference": d.case.reference,
            "stage": d.case.stage.label(),
            "request_date": date(d.case.request_date),
            "channel": d.case.channel.label(),
            "referral_source": d.case.referral_source.label(),
            "requester": if parts.people { d.case.requester.clone() } else { String::new() },
            "request": d.case.request_text,
            "officer": d.case.officer,
            "funders": d.funders.iter().map(|f| f.label()).collect::<Vec<_>>(),
        },
        "structure": {
            "name": s.name,
            "acronym": text(&s.acronym),
            "identity": identity.iter().filter(|(_, v)| !v.is_empty() && v != "—").map(|(k, v)| json!([k, v])).collect::<Vec<_>>(),
            "flags": flags,
        },
        "diagnostic": {
            "started": scored || !diagnostic.interviews.is_empty() || diagnostic.problem_statement.is_some(),
            "validated_on": date_or_dash(diagnostic.validated_on),
            "interviews": diagnostic.interviews.len(),
            "problem": text(&diagnostic.problem_statement),
            "recommendations": text(&diagnostic.recommendations),
            "scores": scores,
            "findings": parts.findings,
        },
        "plan": {
            "validated_on": date_or_dash(d.plan.validated_on),
            "committee": d.plan.committee_date.map(date).unwrap_or_default(),
            "axes": axes,
        },
        "engagements": engagements,
        "engagement_totals": {
            "days": Etp(d.engagements.iter().filter(|e| e.cancelled_on.is_none()).filter_map(|e| e.days).map(|x| x.0).sum()).to_string(),
            "cost_ht": total(|e| e.cost_ht).to_string(),
            "cost_ttc": total(|e| e.cost_ttc).to_string(),
        },
        "jobs": jobs,
        "criteria": criteria,
        "follow_up": follow_up,
        "referrals": referrals,
        "next_steps": open_actions,
        "finances": finances,
        "milestones": milestones,
    })
}

/// `+2`, `−1`, `0`.
fn signed(n: i64) -> String {
    match n {
        n if n > 0 => format!("+{n}"),
        n if n < 0 => format!("\u{2212}{}", n.abs()),
        _ => "0".to_owned(),
    }
}

fn signed_etp(hundredths: i64) -> String {
    if hundredths > 0 { format!("+{}", Etp(hundredths)) } else { Etp(hundredths).to_string() }
}
