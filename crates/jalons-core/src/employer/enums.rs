use crate::labels::labelled_enum;

labelled_enum!(
    /// The employer obligations of the checklist (domain.md §5), plus the structure's own.
    ObligationKind, "l'obligation" {
        Dpae => "dpae", "DPAE avant chaque embauche";
        StaffRegister => "staff_register", "Registre unique du personnel";
        Duerp => "duerp", "DUERP (document unique d'évaluation des risques)";
        ProfessionalInterviews => "professional_interviews", "Entretiens professionnels (tous les 2 ans)";
        SixYearReview => "six_year_review", "Bilan à 6 ans des entretiens professionnels";
        HealthInsurance => "health_insurance", "Mutuelle et prévoyance";
        Guso => "guso", "GUSO (salariés occasionnels du spectacle)";
        ShowLicence => "show_licence", "Licence d'entrepreneur de spectacles";
        Intermittents => "intermittents", "Intermittents (annexes 8 et 10)";
        Gepp => "gepp", "GEPP (gestion des emplois et des parcours professionnels)";
        Custom => "custom", "Autre obligation";
    }
);

impl ObligationKind {
    /// How often it comes back, in months, when the user gives no period: the DUERP is
    /// updated yearly, professional interviews every two years with a review at six, a
    /// show licence lasts five years. None for what is done at each hire or each show.
    pub fn default_period(self) -> Option<i64> {
        match self {
            ObligationKind::Duerp | ObligationKind::HealthInsurance => Some(12),
            ObligationKind::ProfessionalInterviews => Some(24),
            ObligationKind::Gepp => Some(36),
            ObligationKind::ShowLicence => Some(60),
            ObligationKind::SixYearReview => Some(72),
            ObligationKind::Dpae
            | ObligationKind::StaffRegister
            | ObligationKind::Guso
            | ObligationKind::Intermittents
            | ObligationKind::Custom => None,
        }
    }
}

labelled_enum!(
    ObligationStatus, "l'état de l'obligation" {
        ToDo => "to_do", "À faire";
        UpToDate => "up_to_date", "À jour";
        NotApplicable => "not_applicable", "Non concerné";
    }
);
