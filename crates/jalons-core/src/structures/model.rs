use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{BudgetBand, ContactRole, Frr, HeadcountBand, LawfulBasis, LegalForm};
use crate::values::{CommuneCode, Etp, Idcc, Money, Naf, Rna, Siren, Siret};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Structure {
    pub id: String,
    // Identity
    pub name: String,
    pub acronym: Option<String>,
    pub siren: Option<Siren>,
    pub siret: Option<Siret>,
    pub rna: Option<Rna>,
    pub creation_date: Option<NaiveDate>,
    pub legal_form: LegalForm,
    /// INSEE "catégorie juridique", 4 digits (9220 association déclarée...).
    pub insee_category: Option<String>,
    /// The category's name in the INSEE list; none for a code the list does not know.
    pub insee_category_label: Option<String>,
    pub naf: Option<Naf>,
    /// The code's name in the NAF rév. 2; none for a code the list does not know.
    pub naf_label: Option<String>,
    pub idcc: Vec<Idcc>,
    pub ess: bool,
    pub esus: bool,
    /// Opale's cultural type (compagnie, lieu, festival...).
    pub cultural_type: Option<String>,
    // Territory, filled in from the commune
    pub address: Option<String>,
    pub postal_code: Option<String>,
    pub commune_code: Option<CommuneCode>,
    pub commune_name: Option<String>,
    pub departement: Option<String>,
    pub departement_name: Option<String>,
    pub region: Option<String>,
    pub region_name: Option<String>,
    pub epci: Option<String>,
    pub epci_name: Option<String>,
    pub qpv: bool,
    pub qpv_code: Option<String>,
    pub frr: Frr,
    /// The year of the FRR classification the flag comes from.
    pub frr_vintage: Option<i32>,
    // Size and money
    pub employees_cdi: Option<i64>,
    pub employees_cdd: Option<i64>,
    pub employees_aided: Option<i64>,
    pub employees_intermittent: Option<i64>,
    pub etp: Option<Etp>,
    pub volunteers: Option<i64>,
    pub budget: Option<Money>,
    pub own_funds: Option<Money>,
    pub cash: Option<Money>,
    /// Derived from `budget`.
    pub budget_band: Option<BudgetBand>,
    /// Derived from the headcount by contract type.
    pub headcount_band: Option<HeadcountBand>,
    pub networks: Vec<String>,
    pub contacts: Vec<Contact>,
    pub archived_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Contact {
    pub id: String,
    pub name: String,
    pub role: ContactRole,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub lawful_basis: LawfulBasis,
    /// The day this basis was recorded: when the contact was added, or its basis changed.
    pub lawful_basis_since: Option<NaiveDate>,
}

impl Structure {
    /// Total headcount when at least one contract type is known.
    pub fn employees(&self) -> Option<i64> {
        total_employees([self.employees_cdi, self.employees_cdd, self.employees_aided, self.employees_intermittent])
    }
}

pub(crate) fn total_employees(parts: [Option<i64>; 4]) -> Option<i64> {
    parts.iter().any(Option::is_some).then(|| parts.iter().flatten().sum())
}
