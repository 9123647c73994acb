//! What the Observatoire's filters offer: the territories, sectors, legal forms and cultural
//! types the period's cases hold, rather than every EPCI of France.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::indicators::CaseRow;
use crate::labels::Choice;
use crate::structures::LegalForm;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ObservatoryChoices {
    /// `region:84`, `departement:26`, `epci:…`: régions, then départements, then EPCI.
    pub territories: Vec<Choice>,
    pub nafs: Vec<Choice>,
    pub legal_forms: Vec<Choice>,
    pub cultural_types: Vec<Choice>,
}

fn sorted(map: BTreeMap<String, String>) -> Vec<Choice> {
    let mut out: Vec<Choice> = map.into_iter().map(|(code, label)| Choice { code, label }).collect();
    out.sort_by(|a, b| crate::french::compare(&a.label, &b.label));
    out
}

impl ObservatoryChoices {
    pub(crate) fn of(cases: &[CaseRow]) -> Self {
        let (mut regions, mut departements, mut epcis) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
        let (mut nafs, mut forms, mut kinds) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
        for c in cases {
            if let (Some(code), Some(name)) = (&c.region_code, &c.region) {
                regions.insert(format!("region:{code}"), format!("Région {name}"));
            }
            if let (Some(code), Some(name)) = (&c.departement, &c.departement_name) {
                departements.insert(format!("departement:{code}"), format!("{name} ({code})"));
            }
            if let (Some(code), Some(name)) = (&c.epci_code, &c.epci) {
                epcis.insert(format!("epci:{code}"), name.clone());
            }
            if let (Some(code), Some(label)) = (&c.naf, &c.naf_label) {
                nafs.insert(code.clone(), label.clone());
            }
            if let Some(form) = LegalForm::ALL.iter().find(|f| f.label() == c.legal_form) {
                forms.insert(form.code().to_owned(), c.legal_form.clone());
            }
            if let Some(kind) = &c.cultural_type {
                kinds.insert(kind.clone(), kind.clone());
            }
        }
        let mut territories = sorted(regions);
        territories.extend(sorted(departements));
        territories.extend(sorted(epcis));
        let mut nafs: Vec<Choice> = nafs.into_iter().map(|(code, label)| Choice { code, label }).collect();
        nafs.sort_by(|a, b| a.code.cmp(&b.code));
        Self { territories, nafs, legal_forms: sorted(forms), cultural_types: sorted(kinds) }
    }
}
