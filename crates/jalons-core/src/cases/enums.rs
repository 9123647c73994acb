use crate::labels::labelled_enum;

labelled_enum!(
    /// The accompaniment stages and exits of domain.md §2.
    Stage, "une étape" {
        Intake => "intake", "Accueil";
        Diagnostic => "diagnostic", "Diagnostic partagé";
        Plan => "plan", "Parcours d'accompagnement";
        Engineering => "engineering", "Mise en œuvre";
        FollowUp => "follow_up", "Suivi";
        Closed => "closed", "Clôture";
        Referred => "referred", "Orienté vers un autre dispositif";
        NotEligible => "not_eligible", "Non éligible";
        Abandoned => "abandoned", "Abandon";
    }
);

impl Stage {
    /// A case in one of these stages is over; the others are open.
    pub const FINISHED: &'static [Stage] = &[Stage::Closed, Stage::Referred, Stage::NotEligible, Stage::Abandoned];

    pub fn is_finished(self) -> bool {
        Stage::FINISHED.contains(&self)
    }

    /// `'closed', 'referred', ...` for SQL filters on open cases.
    pub fn finished_sql_list() -> String {
        Self::sql_list(Self::FINISHED.iter())
    }

    /// `'intake', 'diagnostic', ...`: the open stages, so that a filter on them is read
    /// from the stage's index (`NOT IN` would read every case).
    pub fn open_sql_list() -> String {
        Self::sql_list(Self::ALL.iter().filter(|s| !s.is_finished()))
    }

    fn sql_list<'a>(stages: impl Iterator<Item = &'a Stage>) -> String {
        stages.map(|s| format!("'{}'", s.code())).collect::<Vec<_>>().join(", ")
    }
}

labelled_enum!(
    /// How the request reached the DLA.
    RequestChannel, "le canal de la demande" {
        Phone => "phone", "Téléphone";
        Email => "email", "E-mail";
        Meeting => "meeting", "Rendez-vous ou permanence";
        WebForm => "web_form", "Formulaire en ligne";
        PartnerReferral => "partner_referral", "Orientation par un partenaire";
        Event => "event", "Réunion collective ou événement";
        Other => "other", "Autre";
    }
);

labelled_enum!(
    /// How the structure heard of the DLA.
    ReferralSource, "comment la structure a connu le DLA" {
        Network => "network", "Fédération ou réseau (UFISC, Opale…)";
        Cress => "cress", "CRESS";
        LocalAuthority => "local_authority", "Collectivité territoriale";
        StateService => "state_service", "Services de l'État (DRAC, DDETS…)";
        Funder => "funder", "Financeur (France Active, banque…)";
        PreviousCase => "previous_case", "Accompagnement DLA précédent";
        WordOfMouth => "word_of_mouth", "Bouche-à-oreille";
        Website => "website", "Site internet, réseaux sociaux";
        Other => "other", "Autre";
    }
);

impl Stage {
    /// Position on the main line, from intake (0) to closed (5); None for the exits.
    pub fn rank(self) -> Option<u8> {
        match self {
            Stage::Intake => Some(0),
            Stage::Diagnostic => Some(1),
            Stage::Plan => Some(2),
            Stage::Engineering => Some(3),
            Stage::FollowUp => Some(4),
            Stage::Closed => Some(5),
            Stage::Referred | Stage::NotEligible | Stage::Abandoned => None,
        }
    }
}

labelled_enum!(
    /// What needs the chargé de mission's attention on an open case.
    Attention, "un point d'attention" {
        DiagnosticToValidate => "diagnostic_to_validate", "Diagnostic à faire valider";
        ReportMissing => "report_missing", "Rapport final attendu";
        FollowUpDue => "follow_up_due", "Suivi à faire";
        FollowUpLate => "follow_up_late", "Suivi en retard";
        EmployerLate => "employer_late", "Obligation employeur en retard";
    }
);
