//! What the structure form sends, as typed, and its validation into a record
//! (domain.md §7). Every failure names the input field in French.

use chrono::NaiveDate;
use serde::Deserialize;
use ts_rs::TS;

use super::model::total_employees;
use super::{ContactRole, Frr, LawfulBasis, LegalForm};
use crate::reference::territory;
use crate::values::{
    CommuneCode, Etp, Idcc, Money, Naf, Rna, Siren, Siret, email, optional, optional_text, parse_count,
    parse_optional_date, phone, required_text, short_text,
};
use crate::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct StructureInput {
    pub name: String,
    pub acronym: String,
    pub siren: String,
    pub siret: String,
    pub rna: String,
    pub creation_date: String,
    pub legal_form: String,
    pub insee_category: String,
    pub naf: String,
    pub idcc: Vec<String>,
    pub ess: bool,
    pub esus: bool,
    pub cultural_type: String,
    pub address: String,
    pub postal_code: String,
    pub commune_code: String,
    pub qpv: bool,
    pub qpv_code: String,
    pub frr: String,
    pub frr_vintage: String,
    pub employees_cdi: String,
    pub employees_cdd: String,
    pub employees_aided: String,
    pub employees_intermittent: String,
    pub etp: String,
    pub volunteers: String,
    pub budget: String,
    pub own_funds: String,
    pub cash: String,
    pub networks: Vec<String>,
    pub contacts: Vec<ContactInput>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct ContactInput {
    /// Empty for a new contact; the existing id otherwise, so history follows the person.
    pub id: String,
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub lawful_basis: String,
}

/// A structure's fields once validated and normalised, before it gets ids and timestamps.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ValidStructure {
    pub name: String,
    pub acronym: Option<String>,
    pub siren: Option<Siren>,
    pub siret: Option<Siret>,
    pub rna: Option<Rna>,
    pub creation_date: Option<NaiveDate>,
    pub legal_form: LegalForm,
    pub insee_category: Option<String>,
    pub naf: Option<Naf>,
    pub idcc: Vec<Idcc>,
    pub ess: bool,
    pub esus: bool,
    pub cultural_type: Option<String>,
    pub address: Option<String>,
    pub postal_code: Option<String>,
    pub commune_code: Option<CommuneCode>,
    pub commune_name: Option<String>,
    pub departement: Option<String>,
    pub region: Option<String>,
    pub epci: Option<String>,
    pub qpv: bool,
    pub qpv_code: Option<String>,
    pub frr: Frr,
    pub frr_vintage: Option<i32>,
    pub employees_cdi: Option<i64>,
    pub employees_cdd: Option<i64>,
    pub employees_aided: Option<i64>,
    pub employees_intermittent: Option<i64>,
    pub etp: Option<Etp>,
    pub volunteers: Option<i64>,
    pub budget: Option<Money>,
    pub own_funds: Option<Money>,
    pub cash: Option<Money>,
    pub networks: Vec<String>,
    pub contacts: Vec<ValidContact>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ValidContact {
    pub id: Option<String>,
    pub name: String,
    pub role: ContactRole,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub lawful_basis: LawfulBasis,
}

/// Keeps the first occurrence of each value, in the order typed.
fn unique<T: PartialEq>(values: Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn insee_category(raw: &str) -> Result<String> {
    let v: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()) {
        Ok(v)
    } else {
        Err(Error::validation(
            "insee_category",
            format!(
                "La catégorie juridique INSEE compte 4 chiffres, par exemple 9220 (saisi\u{a0}: «\u{a0}{}\u{a0}»).",
                raw.trim()
            ),
        ))
    }
}

fn qpv_code(raw: &str) -> Result<String> {
    let v: String = raw.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    let ok = v.starts_with("QN") && (6..=10).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_alphanumeric());
    if ok {
        Ok(v)
    } else {
        Err(Error::validation(
            "qpv_code",
            format!("Le code QPV commence par QN, par exemple QN02601M (saisi\u{a0}: «\u{a0}{}\u{a0}»).", raw.trim()),
        ))
    }
}

fn frr_vintage(raw: &str) -> Result<i32> {
    match raw.trim().parse::<i32>() {
        Ok(y) if (2024..=2100).contains(&y) => Ok(y),
        _ => Err(Error::validation(
            "frr_vintage",
            format!("Indiquez l'année du classement FRR (2024 ou après), saisi\u{a0}: «\u{a0}{}\u{a0}».", raw.trim()),
        )),
    }
}

impl ContactInput {
    fn validate(&self) -> Result<ValidContact> {
        Ok(ValidContact {
            id: optional(&self.id, |s| crate::ids::parse_id("id", s))?,
            name: required_text("name", "Le nom du contact", &self.name, 200)?,
            role: ContactRole::parse("role", &self.role)?,
            email: optional(&self.email, email)?,
            phone: optional(&self.phone, phone)?,
            lawful_basis: LawfulBasis::parse("lawful_basis", &self.lawful_basis)?,
        })
    }
}

impl StructureInput {
    pub(crate) fn validate(&self, today: NaiveDate) -> Result<ValidStructure> {
        let legal_form = LegalForm::parse("legal_form", &self.legal_form)?;
        let siret = optional(&self.siret, |s| Siret::parse("siret", s))?;
        let mut siren = optional(&self.siren, |s| Siren::parse("siren", s))?;
        match (&siren, &siret) {
            (Some(sn), Some(st)) if sn.as_str() != st.siren() => {
                return Err(Error::validation(
                    "siret",
                    format!("Le SIRET ne commence pas par le SIREN {sn}\u{a0}: vérifiez l'un ou l'autre."),
                ));
            }
            (None, Some(st)) => siren = Some(Siren::parse("siret", st.siren())?),
            _ => {}
        }
        let rna = optional(&self.rna, |s| Rna::parse("rna", s))?;
        if rna.is_some() && legal_form == LegalForm::AssociationLocal {
            return Err(Error::validation(
                "rna",
                "Les associations de droit local (Alsace-Moselle) sont inscrites au registre du tribunal et n'ont pas de numéro RNA.",
            ));
        }
        let creation_date = parse_optional_date("creation_date", "La date de création", &self.creation_date)?;
        if creation_date.is_some_and(|d| d > today) {
            return Err(Error::validation("creation_date", "La date de création ne peut pas être dans le futur."));
        }
        let idcc = self
            .idcc
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| Idcc::parse("idcc", s))
            .collect::<Result<Vec<_>>>()?;

        let commune_code = optional(&self.commune_code, |s| CommuneCode::parse("commune_code", s))?;
        let commune = match &commune_code {
            Some(code) => Some(territory().commune(code.as_str()).ok_or_else(|| {
                Error::validation(
                    "commune_code",
                    format!("La commune {code} n'existe pas dans le Code officiel géographique."),
                )
            })?),
            None => None,
        };
        let mut postal = optional(&self.postal_code, |raw| crate::values::postal_code("postal_code", raw))?;
        if postal.is_none() {
            postal = commune.as_ref().filter(|c| c.postal_codes.len() == 1).map(|c| c.postal_codes[0].clone());
        }

        let frr = if self.frr.trim().is_empty() { Frr::None } else { Frr::parse("frr", &self.frr)? };
        let frr_vintage = if frr == Frr::None { None } else { Some(frr_vintage(&self.frr_vintage)?) };
        let qpv_code = if self.qpv { optional(&self.qpv_code, qpv_code)? } else { None };

        let employees_cdi = parse_count("employees_cdi", "Le nombre de CDI", &self.employees_cdi)?;
        let employees_cdd = parse_count("employees_cdd", "Le nombre de CDD", &self.employees_cdd)?;
        let employees_aided = parse_count("employees_aided", "Le nombre de contrats aidés", &self.employees_aided)?;
        let employees_intermittent =
            parse_count("employees_intermittent", "Le nombre d'intermittents", &self.employees_intermittent)?;
        let etp = Etp::parse_optional("etp", &self.etp)?;
        if let (Some(e), Some(total)) =
            (etp, total_employees([employees_cdi, employees_cdd, employees_aided, employees_intermittent]))
            && e.0 > total * 100
        {
            return Err(Error::validation(
                "etp",
                format!("Les ETP ne peuvent pas dépasser le nombre de salariés ({total})."),
            ));
        }

        let networks = unique(self.networks.iter().filter_map(|n| optional_text(n)).collect());

        let contacts = self
            .contacts
            .iter()
            .enumerate()
            .map(|(i, c)| c.validate().map_err(|e| e.within(&format!("contacts.{i}"))))
            .collect::<Result<Vec<_>>>()?;

        Ok(ValidStructure {
            name: required_text("name", "Le nom de la structure", &self.name, 200)?,
            acronym: short_text("acronym", "Le sigle", &self.acronym, 40)?,
            siren,
            siret,
            rna,
            creation_date,
            legal_form,
            insee_category: optional(&self.insee_category, insee_category)?,
            naf: optional(&self.naf, |s| Naf::parse("naf", s))?,
            idcc: unique(idcc),
            ess: self.ess,
            esus: self.esus,
            cultural_type: short_text("cultural_type", "Le type culturel", &self.cultural_type, 120)?,
            address: short_text("address", "L'adresse", &self.address, 300)?,
            postal_code: postal,
            commune_name: commune.as_ref().map(|c| c.name.clone()),
            departement: commune.as_ref().map(|c| c.departement.clone()),
            region: commune.as_ref().map(|c| c.region.clone()),
            epci: commune.as_ref().and_then(|c| c.epci.clone()),
            commune_code,
            qpv: self.qpv,
            qpv_code,
            frr,
            frr_vintage,
            employees_cdi,
            employees_cdd,
            employees_aided,
            employees_intermittent,
            etp,
            volunteers: parse_count("volunteers", "Le nombre de bénévoles", &self.volunteers)?,
            budget: Money::parse_optional("budget", "Le budget annuel", &self.budget)?,
            own_funds: Money::parse_optional("own_funds", "Le montant des fonds propres", &self.own_funds)?,
            cash: Money::parse_optional("cash", "La trésorerie", &self.cash)?,
            networks,
            contacts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn minimal() -> StructureInput {
        StructureInput { name: "Compagnie du Sillon".into(), legal_form: "association".into(), ..Default::default() }
    }

    /// A fixed day, so that what counts as « in the future » does not depend on the run.
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
    }

    #[test]
    fn a_creation_date_after_today_is_refused_and_today_is_not() {
        let on = |d: &str| StructureInput { creation_date: d.into(), ..minimal() }.validate(today());
        assert_eq!(on("2026-06-16").unwrap_err().field.as_deref(), Some("creation_date"));
        assert_eq!(on("2026-06-15").unwrap().creation_date, Some(today()));
    }

    fn field_of(input: StructureInput) -> Option<String> {
        input.validate(today()).unwrap_err().field
    }

    #[test]
    fn a_name_and_a_legal_form_suffice() {
        let v = minimal().validate(today()).unwrap();
        assert_eq!(v.name, "Compagnie du Sillon");
        assert_eq!(v.frr, Frr::None);
    }

    #[test]
    fn name_and_legal_form_are_required() {
        assert_eq!(field_of(StructureInput { name: " ".into(), ..minimal() }).as_deref(), Some("name"));
        assert_eq!(field_of(StructureInput { legal_form: String::new(), ..minimal() }).as_deref(), Some("legal_form"));
    }

    #[test]
    fn siret_fills_siren_and_must_match_it() {
        let v = StructureInput { siret: "732 829 320 00074".into(), ..minimal() }.validate(today()).unwrap();
        assert_eq!(v.siren.unwrap().as_str(), "732829320");
        let e = StructureInput { siret: "73282932000074".into(), siren: "356000000".into(), ..minimal() }
            .validate(today())
            .unwrap_err();
        assert_eq!(e.field.as_deref(), Some("siret"));
        assert_eq!(field_of(StructureInput { siret: "73282932000075".into(), ..minimal() }).as_deref(), Some("siret"));
    }

    #[test]
    fn commune_fills_the_territory() {
        let v = StructureInput { commune_code: "26113".into(), ..minimal() }.validate(today()).unwrap();
        assert_eq!(v.commune_name.as_deref(), Some("Die"));
        assert_eq!(v.departement.as_deref(), Some("26"));
        assert_eq!(v.region.as_deref(), Some("84"));
        assert_eq!(v.postal_code.as_deref(), Some("26150"));
        assert!(v.epci.is_some());
        assert_eq!(
            field_of(StructureInput { commune_code: "99999".into(), ..minimal() }).as_deref(),
            Some("commune_code")
        );
    }

    #[test]
    fn etp_cannot_exceed_headcount() {
        let ok =
            StructureInput { employees_cdi: "2".into(), employees_cdd: "1".into(), etp: "2,5".into(), ..minimal() };
        assert_eq!(ok.validate(today()).unwrap().etp, Some(Etp(250)));
        let bad = StructureInput { employees_cdi: "2".into(), etp: "2,5".into(), ..minimal() };
        let e = bad.validate(today()).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("etp"));
        assert!(e.message.contains('2'));
    }

    #[test]
    fn droit_local_associations_have_no_rna() {
        let e = StructureInput { legal_form: "association_local".into(), rna: "W672001234".into(), ..minimal() };
        assert_eq!(field_of(e).as_deref(), Some("rna"));
    }

    #[test]
    fn frr_needs_its_vintage() {
        assert_eq!(field_of(StructureInput { frr: "frr".into(), ..minimal() }).as_deref(), Some("frr_vintage"));
        let v = StructureInput { frr: "frr_plus".into(), frr_vintage: "2025".into(), ..minimal() }
            .validate(today())
            .unwrap();
        assert_eq!((v.frr, v.frr_vintage), (Frr::FrrPlus, Some(2025)));
    }

    #[test]
    fn contact_errors_name_the_contact_field() {
        let contact = ContactInput {
            name: "Awa Diallo".into(),
            role: "president".into(),
            lawful_basis: "consent".into(),
            email: "awa@".into(),
            ..Default::default()
        };
        let input = StructureInput { contacts: vec![contact.clone()], ..minimal() };
        assert_eq!(field_of(input).as_deref(), Some("contacts.0.email"));
        let fixed = ContactInput { email: "Awa@Example.org".into(), phone: "0612345678".into(), ..contact };
        let v = StructureInput { contacts: vec![fixed], ..minimal() }.validate(today()).unwrap();
        assert_eq!(v.contacts[0].email.as_deref(), Some("awa@example.org"));
        assert_eq!(v.contacts[0].phone.as_deref(), Some("06 12 34 56 78"));
    }

    #[test]
    fn amounts_and_identifiers_are_normalised() {
        let v = StructureInput {
            naf: "9001z".into(),
            idcc: vec!["1285".into(), " ".into(), "959".into()],
            budget: "185 000".into(),
            rna: "w261001234".into(),
            ..minimal()
        }
        .validate(today())
        .unwrap();
        assert_eq!(v.naf.unwrap().as_str(), "90.01Z");
        assert_eq!(v.idcc.iter().map(Idcc::as_str).collect::<Vec<_>>(), vec!["1285", "0959"]);
        assert_eq!(v.budget, Some(Money(18_500_000)));
        assert_eq!(v.rna.unwrap().as_str(), "W261001234");
    }
}
