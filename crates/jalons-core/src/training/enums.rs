use crate::labels::labelled_enum;

labelled_enum!(
    /// The eleven opérateurs de compétences (OPCO) of 2019.
    Opco, "l'OPCO" {
        Afdas => "afdas", "AFDAS (culture, médias, sport, loisirs)";
        Uniformation => "uniformation", "Uniformation (cohésion sociale)";
        Akto => "akto", "AKTO (services à forte intensité de main-d'œuvre)";
        OpcoEp => "opco_ep", "OPCO EP (entreprises de proximité)";
        OpcoSante => "opco_sante", "OPCO Santé";
        Atlas => "atlas", "Atlas (services financiers et conseil)";
        Ocapiat => "ocapiat", "OCAPIAT (agriculture, pêche, agroalimentaire)";
        Opco2i => "opco_2i", "OPCO 2i (interindustriel)";
        Constructys => "constructys", "Constructys (BTP)";
        OpcoMobilites => "opco_mobilites", "OPCO Mobilités";
        Opcommerce => "opcommerce", "L'Opcommerce";
    }
);

labelled_enum!(
    TrainingStatus, "l'état de l'action" {
        Planned => "planned", "Prévue";
        Requested => "requested", "Financement demandé";
        Funded => "funded", "Financement accordé";
        Done => "done", "Réalisée";
        Cancelled => "cancelled", "Annulée";
    }
);
