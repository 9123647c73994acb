use crate::labels::labelled_enum;

labelled_enum!(
    /// What a plan action, an ingénierie or a consultant's skill is about: the diagnostic
    /// domains of domain.md §3 plus the design's training and solidarity finance (§5).
    Theme, "un thème" {
        Project => "project", "Projet et utilité sociale";
        Activities => "activities", "Activités et publics";
        Governance => "governance", "Gouvernance et bénévolat";
        Employer => "employer", "Fonction employeur et RH";
        Training => "training", "Formation et compétences";
        EconomicModel => "economic_model", "Modèle économique";
        Finance => "finance", "Situation financière";
        SolidarityFinance => "solidarity_finance", "Financement solidaire";
        Partnerships => "partnerships", "Partenariats et ancrage territorial";
        Communication => "communication", "Communication";
        Cooperation => "cooperation", "Coopération et mutualisation";
        Digital => "digital", "Numérique";
        Ecology => "ecology", "Transition écologique";
    }
);
