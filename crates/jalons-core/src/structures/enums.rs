use crate::labels::labelled_enum;

labelled_enum!(
    /// Our legal form list (domain.md §6); the INSEE category is stored beside it.
    LegalForm, "une forme juridique" {
        Association => "association", "Association loi 1901";
        AssociationLocal => "association_local", "Association de droit local (Alsace-Moselle)";
        AssociationRup => "association_rup", "Association reconnue d'utilité publique";
        Foundation => "foundation", "Fondation";
        EndowmentFund => "endowment_fund", "Fonds de dotation";
        Scop => "scop", "SCOP";
        Scic => "scic", "SCIC";
        Cae => "cae", "Coopérative d'activité et d'emploi (CAE)";
        OtherCoop => "other_coop", "Autre coopérative";
        Mutual => "mutual", "Mutuelle";
        EsusCompany => "esus_company", "Société commerciale ESUS";
        EmployerGroup => "employer_group", "Groupement d'employeurs";
        Gie => "gie", "GIE";
        PublicBody => "public_body", "Établissement public";
        Other => "other", "Autre";
    }
);

labelled_enum!(
    /// Rural revitalisation zones (France Ruralités Revitalisation) that replaced ZRR in 2024.
    Frr, "le classement FRR" {
        None => "none", "Hors FRR";
        Frr => "frr", "FRR";
        FrrPlus => "frr_plus", "FRR+";
    }
);

labelled_enum!(
    ContactRole, "un rôle" {
        President => "president", "Président·e";
        Treasurer => "treasurer", "Trésorier·ère";
        Secretary => "secretary", "Secrétaire";
        BoardMember => "board_member", "Administrateur·rice";
        Director => "director", "Direction";
        Employee => "employee", "Salarié·e";
        Volunteer => "volunteer", "Bénévole";
        Other => "other", "Autre";
    }
);

labelled_enum!(
    /// The GDPR lawful basis for keeping a contact's personal data.
    LawfulBasis, "la base légale du traitement" {
        LegitimateInterest => "legitimate_interest", "Intérêt légitime (accompagnement en cours)";
        Consent => "consent", "Consentement recueilli";
        Contract => "contract", "Exécution d'une convention";
        PublicInterest => "public_interest", "Mission d'intérêt public";
    }
);

impl LawfulBasis {
    /// The day a person's basis dates from when their record is saved with this one: the
    /// day recorded before (`before`: that basis and its day), unless the basis changed.
    pub(crate) fn since(
        self,
        before: Option<&(LawfulBasis, Option<chrono::NaiveDate>)>,
        today: chrono::NaiveDate,
    ) -> chrono::NaiveDate {
        match before {
            Some((basis, Some(since))) if *basis == self => *since,
            _ => today,
        }
    }
}
