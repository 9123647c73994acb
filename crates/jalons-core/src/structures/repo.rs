//! Reading and writing structures and their contacts. Every write goes through
//! `Store::write`, which records the audit trail in the same transaction.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::input::ValidStructure;
use super::{BudgetBand, Contact, HeadcountBand, Structure, StructureInput};
use crate::ids::{new_id, parse_id};
use crate::paging::{Page, PageRequest};
use crate::reference::territory;
use crate::store::audit::{self, AuditEntry};
use crate::values::fold;
use crate::{Error, Result, Store};

const ENTITY: &str = "structure";

const COLUMNS: &str =
    "id, name, acronym, siren, siret, rna, creation_date, legal_form, insee_category, naf, idcc, ess, esus,
    cultural_type, address, postal_code, commune_code, commune_name, departement, region, epci, qpv, qpv_code, frr,
    frr_vintage, employees_cdi, employees_cdd, employees_aided, employees_intermittent, etp, volunteers, budget,
    own_funds, cash, networks, archived_at, created_at, updated_at";

fn json_list<T: serde::de::DeserializeOwned>(raw: String) -> rusqlite::Result<Vec<T>> {
    serde_json::from_str(&raw)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into()))
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Structure> {
    let t = territory();
    let departement: Option<String> = r.get("departement")?;
    let region: Option<String> = r.get("region")?;
    let epci: Option<String> = r.get("epci")?;
    let naf: Option<crate::values::Naf> = r.get("naf")?;
    let insee_category: Option<String> = r.get("insee_category")?;
    Ok(Structure {
        id: r.get("id")?,
        name: r.get("name")?,
        acronym: r.get("acronym")?,
        siren: r.get("siren")?,
        siret: r.get("siret")?,
        rna: r.get("rna")?,
        creation_date: r.get("creation_date")?,
        legal_form: r.get("legal_form")?,
        insee_category_label: insee_category.as_deref().and_then(crate::reference::legal_category_name).map(Into::into),
        insee_category,
        naf_label: naf.as_ref().and_then(|n| crate::reference::naf_name(n.as_str())).map(Into::into),
        naf,
        idcc: json_list(r.get("idcc")?)?,
        ess: r.get("ess")?,
        esus: r.get("esus")?,
        cultural_type: r.get("cultural_type")?,
        address: r.get("address")?,
        postal_code: r.get("postal_code")?,
        commune_code: r.get("commune_code")?,
        commune_name: r.get("commune_name")?,
        departement_name: departement.as_deref().and_then(|d| t.departement_name(d)).map(Into::into),
        region_name: region.as_deref().and_then(|d| t.region_name(d)).map(Into::into),
        epci_name: epci.as_deref().and_then(|d| t.epci_name(d)).map(Into::into),
        departement,
        region,
        epci,
        qpv: r.get("qpv")?,
        qpv_code: r.get("qpv_code")?,
        frr: r.get("frr")?,
        frr_vintage: r.get("frr_vintage")?,
        employees_cdi: r.get("employees_cdi")?,
        employees_cdd: r.get("employees_cdd")?,
        employees_aided: r.get("employees_aided")?,
        employees_intermittent: r.get("employees_intermittent")?,
        etp: r.get("etp")?,
        volunteers: r.get("volunteers")?,
        budget: r.get("budget")?,
        own_funds: r.get("own_funds")?,
        cash: r.get("cash")?,
        budget_band: None,
        headcount_band: None,
        networks: json_list(r.get("networks")?)?,
        contacts: Vec::new(),
        archived_at: r.get("archived_at")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

fn load(conn: &Connection, id: &str) -> Result<Structure> {
    let mut s = conn
        .query_row(&format!("SELECT {COLUMNS} FROM structures WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("Cette structure n'existe pas ou plus."))?;
    let mut stmt = conn.prepare(
        "SELECT id, name, role, email, phone, lawful_basis, lawful_basis_since FROM contacts WHERE structure_id = ?1 \
         ORDER BY position",
    )?;
    s.contacts = stmt
        .query_map([id], |r| {
            Ok(Contact {
                id: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                email: r.get(3)?,
                phone: r.get(4)?,
                lawful_basis: r.get(5)?,
                lawful_basis_since: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    s.budget_band = s.budget.map(BudgetBand::of);
    s.headcount_band = s.employees().map(HeadcountBand::of);
    Ok(s)
}

fn ensure_siret_free(conn: &Connection, v: &ValidStructure, own_id: Option<&str>) -> Result<()> {
    let Some(siret) = &v.siret else { return Ok(()) };
    let other: Option<String> = conn
        .query_row("SELECT name FROM structures WHERE siret = ?1 AND id IS NOT ?2", params![siret, own_id], |r| {
            r.get(0)
        })
        .optional()?;
    match other {
        Some(name) => Err(Error::conflict(
            Some("siret"),
            format!("Ce SIRET est déjà celui de la structure «\u{a0}{name}\u{a0}»."),
        )),
        None => Ok(()),
    }
}

fn search_name(v: &ValidStructure) -> String {
    fold(
        &[Some(v.name.as_str()), v.acronym.as_deref(), v.commune_name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn write_row(tx: &Connection, id: &str, v: &ValidStructure, now: &str, today: NaiveDate, insert: bool) -> Result<()> {
    let sql = if insert {
        format!(
            "INSERT INTO structures ({COLUMNS}, search_name, sort_name) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, NULL, ?36, ?36, ?37, ?38)"
        )
    } else {
        "UPDATE structures SET name = ?2, acronym = ?3, siren = ?4, siret = ?5, rna = ?6, creation_date = ?7, legal_form = ?8,
            insee_category = ?9, naf = ?10, idcc = ?11, ess = ?12, esus = ?13, cultural_type = ?14, address = ?15,
            postal_code = ?16, commune_code = ?17, commune_name = ?18, departement = ?19, region = ?20, epci = ?21, qpv = ?22,
            qpv_code = ?23, frr = ?24, frr_vintage = ?25, employees_cdi = ?26, employees_cdd = ?27, employees_aided = ?28,
            employees_intermittent = ?29, etp = ?30, volunteers = ?31, budget = ?32, own_funds = ?33, cash = ?34,
            networks = ?35, updated_at = ?36, search_name = ?37, sort_name = ?38 WHERE id = ?1"
            .to_owned()
    };
    tx.execute(
        &sql,
        params![
            id,
            v.name,
            v.acronym,
            v.siren,
            v.siret,
            v.rna,
            v.creation_date,
            v.legal_form,
            v.insee_category,
            v.naf,
            serde_json::to_string(&v.idcc)?,
            v.ess,
            v.esus,
            v.cultural_type,
            v.address,
            v.postal_code,
            v.commune_code,
            v.commune_name,
            v.departement,
            v.region,
            v.epci,
            v.qpv,
            v.qpv_code,
            v.frr,
            v.frr_vintage,
            v.employees_cdi,
            v.employees_cdd,
            v.employees_aided,
            v.employees_intermittent,
            v.etp,
            v.volunteers,
            v.budget,
            v.own_funds,
            v.cash,
            serde_json::to_string(&v.networks)?,
            now,
            search_name(v),
            fold(&v.name)
        ],
    )?;
    let kept: Vec<&str> = v.contacts.iter().filter_map(|c| c.id.as_deref()).collect();
    let mut stmt = tx.prepare("SELECT id, name, role FROM contacts WHERE structure_id = ?1")?;
    let removed = stmt
        .query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)))?
        .filter(|row| row.as_ref().map_or(true, |(k, _, _)| !kept.contains(&k.as_str())))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    crate::diagnostic::met::forget(tx, &removed)?;
    // A contact keeps the date of its basis until the basis changes.
    let bases: std::collections::HashMap<String, (super::LawfulBasis, Option<NaiveDate>)> = tx
        .prepare("SELECT id, lawful_basis, lawful_basis_since FROM contacts WHERE structure_id = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute("DELETE FROM contacts WHERE structure_id = ?1", [id])?;
    for (i, c) in v.contacts.iter().enumerate() {
        let since = c.lawful_basis.since(c.id.as_ref().and_then(|k| bases.get(k)), today);
        tx.execute(
            "INSERT INTO contacts (id, structure_id, position, name, role, email, phone, lawful_basis, lawful_basis_since) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                c.id.clone().unwrap_or_else(new_id),
                id,
                i64::try_from(i).unwrap_or(i64::MAX),
                c.name,
                c.role,
                c.email,
                c.phone,
                c.lawful_basis,
                since
            ],
        )?;
    }
    Ok(())
}

impl Store {
    pub fn get_structure(&self, id: &str) -> Result<Structure> {
        load(self.conn(), &parse_id("id", id)?)
    }

    pub fn create_structure(&mut self, input: &StructureInput) -> Result<Structure> {
        let v = input.validate(self.today())?;
        self.write(|w| {
            ensure_siret_free(&w.tx, &v, None)?;
            let id = new_id();
            write_row(&w.tx, &id, &v, &w.now, w.today, true)?;
            let after = load(&w.tx, &id)?;
            w.audit(ENTITY, &id, "create", None, Some(&serde_json::to_value(&after)?))?;
            Ok(after)
        })
    }

    pub fn update_structure(&mut self, id: &str, input: &StructureInput) -> Result<Structure> {
        let id = parse_id("id", id)?;
        let v = input.validate(self.today())?;
        self.write(|w| {
            w.audited(ENTITY, &id, "update", load, |_| {
                ensure_siret_free(&w.tx, &v, Some(&id))?;
                write_row(&w.tx, &id, &v, &w.now, w.today, false)
            })
        })
    }

    /// Archived structures leave the default list but keep their cases and history.
    pub fn set_structure_archived(&mut self, id: &str, archived: bool) -> Result<Structure> {
        let id = parse_id("id", id)?;
        let action = if archived { "archive" } else { "restore" };
        self.write(|w| {
            w.audited(ENTITY, &id, action, load, |_| {
                let now = &w.now;
                w.tx.execute(
                    "UPDATE structures SET archived_at = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, archived.then_some(&now), now],
                )?;
                Ok(())
            })
        })
    }

    pub fn structure_history(&self, id: &str, page: PageRequest) -> Result<Page<AuditEntry>> {
        audit::history(
            self.conn(),
            &[ENTITY, crate::employer::ENTITY, crate::training::ENTITY],
            &parse_id("id", id)?,
            page,
        )
    }
}
