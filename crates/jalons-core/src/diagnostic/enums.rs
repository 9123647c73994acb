use crate::labels::labelled_enum;

labelled_enum!(
    /// The eleven domains of the diagnostic grid (domain.md §3), in the grid's order.
    DiagnosticDomain, "un domaine du diagnostic" {
        Project => "project", "Projet et utilité sociale";
        Activities => "activities", "Activités et publics";
        Governance => "governance", "Gouvernance et bénévolat";
        Employer => "employer", "Fonction employeur et RH";
        EconomicModel => "economic_model", "Modèle économique";
        Finance => "finance", "Situation financière (fonds propres, trésorerie)";
        Partnerships => "partnerships", "Partenariats et ancrage territorial";
        Communication => "communication", "Communication";
        Cooperation => "cooperation", "Coopération et mutualisation";
        Digital => "digital", "Numérique";
        Ecology => "ecology", "Transition écologique";
    }
);

/// The one scale of the grid: no national scale exists, so it is kept here only.
pub const SCORE_LABELS: [&str; 4] = ["Critique", "Fragile", "Satisfaisant", "Point fort"];
