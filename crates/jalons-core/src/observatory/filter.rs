//! What the Observatoire's filters keep of a period's cases: a territory (région,
//! département or EPCI), a sector (NAF code), a legal form, a cultural type; the period and
//! the funder line are the period report's own (indicators/scope.rs).

use serde::Deserialize;
use ts_rs::TS;

use crate::indicators::{CaseRow, Period, ReportFilter};
use crate::reference::territory;
use crate::structures::LegalForm;
use crate::values::Naf;
use crate::{Error, Result, Store};

/// What the Observatoire's form sends; every field but the period may stay empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct ObservatoryFilter {
    pub from: String,
    pub to: String,
    pub funder_id: String,
    /// `region:84`, `departement:26` or `epci:200040715`.
    pub territory: String,
    /// A NAF code, `90.01Z`.
    pub naf: String,
    /// A legal form's code, `association`.
    pub legal_form: String,
    /// A cultural type as the structures hold it.
    pub cultural_type: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Territory {
    Region(String),
    Departement(String),
    Epci(String),
}

/// A checked filter: what a case's structure must match to be counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Selection {
    pub territory: Option<Territory>,
    pub naf: Option<String>,
    pub legal_form: Option<LegalForm>,
    pub cultural_type: Option<String>,
}

impl ObservatoryFilter {
    pub(crate) fn validate(&self, store: &Store) -> Result<(Period, Selection)> {
        let period = ReportFilter { from: self.from.clone(), to: self.to.clone(), funder_id: self.funder_id.clone() }
            .validate(store)?;
        let selection = Selection {
            territory: parse_territory(&self.territory)?,
            naf: some(&self.naf).map(|raw| Naf::parse("naf", raw).map(|n| n.as_str().to_owned())).transpose()?,
            legal_form: some(&self.legal_form).map(|raw| LegalForm::parse("legal_form", raw)).transpose()?,
            cultural_type: some(&self.cultural_type).map(str::to_owned),
        };
        Ok((period, selection))
    }
}

fn some(raw: &str) -> Option<&str> {
    Some(raw.trim()).filter(|r| !r.is_empty())
}

fn parse_territory(raw: &str) -> Result<Option<Territory>> {
    let Some(raw) = some(raw) else { return Ok(None) };
    let unknown = || Error::validation("territory", "Ce territoire est inconnu du Code officiel géographique chargé.");
    let (kind, code) = raw.split_once(':').ok_or_else(unknown)?;
    let t = territory();
    let territory = match kind {
        "region" if t.region_name(code).is_some() => Territory::Region(code.to_owned()),
        "departement" if t.departement_name(code).is_some() => Territory::Departement(code.to_owned()),
        "epci" if t.epci_name(code).is_some() => Territory::Epci(code.to_owned()),
        _ => return Err(unknown()),
    };
    Ok(Some(territory))
}

impl Selection {
    pub fn keeps(&self, c: &CaseRow) -> bool {
        let territory = match &self.territory {
            None => true,
            Some(Territory::Region(code)) => c.region_code.as_deref() == Some(code),
            Some(Territory::Departement(code)) => c.departement.as_deref() == Some(code),
            Some(Territory::Epci(code)) => c.epci_code.as_deref() == Some(code),
        };
        territory
            && self.naf.as_ref().is_none_or(|n| c.naf.as_ref() == Some(n))
            && self.legal_form.is_none_or(|f| c.legal_form == f.label())
            && self.cultural_type.as_ref().is_none_or(|t| c.cultural_type.as_ref() == Some(t))
    }

    /// What the selection keeps, in French, one part per filter: « Drôme (26) ».
    pub fn scope(&self) -> Vec<String> {
        let t = territory();
        let mut parts = Vec::new();
        match &self.territory {
            Some(Territory::Region(code)) => parts.push(format!("Région {}", t.region_name(code).unwrap_or(code))),
            Some(Territory::Departement(code)) => {
                parts.push(format!("{} ({code})", t.departement_name(code).unwrap_or(code)));
            }
            Some(Territory::Epci(code)) => parts.push(t.epci_name(code).unwrap_or(code).to_owned()),
            None => {}
        }
        if let Some(naf) = &self.naf {
            parts.push(match crate::reference::naf_name(naf) {
                Some(name) => format!("NAF {naf} {name}"),
                None => format!("NAF {naf}"),
            });
        }
        if let Some(form) = self.legal_form {
            parts.push(form.label().to_owned());
        }
        if let Some(kind) = &self.cultural_type {
            parts.push(kind.clone());
        }
        parts
    }
}
