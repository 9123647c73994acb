use crate::labels::labelled_enum;

labelled_enum!(
    CooperationKind, "le type de coopération" {
        SharedPlace => "shared_place", "Lieu partagé / tiers-lieu";
        Ptce => "ptce", "PTCE (pôle territorial de coopération économique)";
        ScicCreation => "scic_creation", "Création de SCIC";
        ScicTransformation => "scic_transformation", "Transformation en SCIC";
        EmployerGroup => "employer_group", "Groupement d'employeurs";
        Merger => "merger", "Fusion ou rapprochement";
        Pooling => "pooling", "Mutualisation (emploi, matériel, fonctions support)";
    }
);

labelled_enum!(
    /// How far a cooperation project has come.
    CooperationStage, "l'étape du projet" {
        Idea => "idea", "Émergence";
        Study => "study", "Étude de faisabilité";
        Setup => "setup", "Mise en place";
        Running => "running", "En fonctionnement";
        Stopped => "stopped", "Arrêté";
    }
);
