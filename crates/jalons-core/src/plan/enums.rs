use crate::labels::labelled_enum;

labelled_enum!(
    /// The four kinds of action of a parcours (domain.md §2).
    ActionKind, "le type d'action" {
        Internal => "internal", "Action interne de la structure";
        Referral => "referral", "Orientation vers un autre appui";
        Engineering => "engineering", "Ingénierie DLA";
        OwnSupport => "own_support", "Appui direct du DLA";
    }
);

labelled_enum!(
    ActionStatus, "l'état de l'action" {
        Planned => "planned", "Prévue";
        InProgress => "in_progress", "En cours";
        Done => "done", "Réalisée";
        Dropped => "dropped", "Abandonnée";
    }
);
