use chrono::NaiveDate;

use crate::labels::labelled_enum;

labelled_enum!(
    /// Individual (one structure) or collective (several structures share one need).
    EngagementMode, "le mode de l'ingénierie" {
        Individual => "individual", "Individuelle";
        Collective => "collective", "Collective";
    }
);

labelled_enum!(
    /// Where an ingénierie stands in the lifecycle of domain.md §4, read from its dates.
    EngagementStatus, "l'état de l'ingénierie" {
        Preparing => "preparing", "En préparation";
        TermsWritten => "terms_written", "Cahier des charges rédigé";
        Consulting => "consulting", "Consultation en cours";
        Chosen => "chosen", "Consultant·e retenu·e";
        Started => "started", "Démarrée";
        Restituted => "restituted", "Restitution faite";
        Finished => "finished", "Rapport final reçu";
        Cancelled => "cancelled", "Annulée";
    }
);

/// The lifecycle's dates, in the order they must come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Milestones {
    pub terms: Option<NaiveDate>,
    pub consultation: Option<NaiveDate>,
    pub decision: Option<NaiveDate>,
    pub kickoff: Option<NaiveDate>,
    pub restitution: Option<NaiveDate>,
    pub final_report: Option<NaiveDate>,
    pub cancelled: Option<NaiveDate>,
}

impl Milestones {
    /// The seven dates read from seven columns in lifecycle order, from `first` on.
    pub(crate) fn read(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Self> {
        Ok(Self {
            terms: r.get(first)?,
            consultation: r.get(first + 1)?,
            decision: r.get(first + 2)?,
            kickoff: r.get(first + 3)?,
            restitution: r.get(first + 4)?,
            final_report: r.get(first + 5)?,
            cancelled: r.get(first + 6)?,
        })
    }

    /// What the dates said on `day`: a period report reads an ingénierie as it stood at
    /// the period's end, whatever happened to it since.
    pub(crate) fn as_of(self, day: NaiveDate) -> Self {
        let by = |d: Option<NaiveDate>| d.filter(|d| *d <= day);
        Self {
            terms: by(self.terms),
            consultation: by(self.consultation),
            decision: by(self.decision),
            kickoff: by(self.kickoff),
            restitution: by(self.restitution),
            final_report: by(self.final_report),
            cancelled: by(self.cancelled),
        }
    }

    pub fn status(&self) -> EngagementStatus {
        use EngagementStatus::*;
        if self.cancelled.is_some() {
            return Cancelled;
        }
        [
            (self.final_report, Finished),
            (self.restitution, Restituted),
            (self.kickoff, Started),
            (self.decision, Chosen),
            (self.consultation, Consulting),
            (self.terms, TermsWritten),
        ]
        .into_iter()
        .find_map(|(d, s)| d.map(|_| s))
        .unwrap_or(Preparing)
    }
}

/// `status()` is neither Finished nor Cancelled, as a condition on the `engagements e` row,
/// for the lists that leave those out (a test holds the two equal). Written as the partial
/// index `engagements_open_by_created` is, so that SQLite reads the open ones from it.
pub(crate) const OPEN_SQL: &str = "e.cancelled_on IS NULL AND e.final_report_date IS NULL";

/// VAT rates a consultant may charge, in basis points; exempt is stored as no rate.
pub const VAT_RATES: &[(&str, &str)] =
    &[("2000", "20 %"), ("1000", "10 %"), ("550", "5,5 %"), ("exempt", "Exonéré de TVA")];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sql_of_an_open_ingenierie_agrees_with_its_status_for_every_set_of_dates() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 3, 2);
        for mask in 0..128u8 {
            let on = |bit: u8| if mask & (1 << bit) != 0 { day } else { None };
            let m = Milestones {
                terms: on(0),
                consultation: on(1),
                decision: on(2),
                kickoff: on(3),
                restitution: on(4),
                final_report: on(5),
                cancelled: on(6),
            };
            let open: bool = conn
                .query_row(
                    &format!("SELECT {OPEN_SQL} FROM (SELECT ?1 AS final_report_date, ?2 AS cancelled_on) e"),
                    rusqlite::params![m.final_report, m.cancelled],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(open, !matches!(m.status(), EngagementStatus::Finished | EngagementStatus::Cancelled), "{m:?}");
        }
    }
}
