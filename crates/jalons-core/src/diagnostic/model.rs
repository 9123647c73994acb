use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::DiagnosticDomain;
use super::met::MetContact;
use crate::values::Etp;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Interview {
    pub id: String,
    pub date: NaiveDate,
    /// The structure's contacts met, then the other people met, as typed.
    pub contacts: Vec<MetContact>,
    pub people: String,
    pub place: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DomainScore {
    pub domain: DiagnosticDomain,
    /// 0 critique to 3 point fort; None while not scored.
    pub score: Option<i64>,
    pub finding: Option<String>,
    pub priority: bool,
}

/// The scores of the structure's most recent earlier diagnostic, shown beside the new ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PreviousDiagnostic {
    pub case_id: String,
    pub reference: String,
    pub validated_on: Option<NaiveDate>,
    pub scores: Vec<DomainScore>,
}

/// A case's shared diagnostic; every domain is listed, scored or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Diagnostic {
    pub case_id: String,
    pub interviews: Vec<Interview>,
    pub scores: Vec<DomainScore>,
    pub problem_statement: Option<String>,
    pub recommendations: Option<String>,
    pub validated_on: Option<NaiveDate>,
    /// Who wrote it; None until first saved.
    pub author: Option<String>,
    pub headcount: Option<i64>,
    pub etp: Option<Etp>,
    pub updated_at: Option<String>,
    pub previous: Option<PreviousDiagnostic>,
}
