use crate::labels::labelled_enum;

labelled_enum!(
    /// What kind of body a partner is.
    PartnerKind, "le type de partenaire" {
        Cress => "cress", "CRESS";
        Dla => "dla", "DLA (autre département ou régional)";
        Network => "network", "Fédération ou réseau";
        Opco => "opco", "OPCO";
        SolidarityFinance => "solidarity_finance", "Financeur solidaire (France Active…)";
        Bank => "bank", "Banque";
        LocalAuthority => "local_authority", "Collectivité territoriale";
        State => "state", "Services de l'État (DRAC, DDETS…)";
        Accompanier => "accompanier", "Autre accompagnateur";
        Other => "other", "Autre";
    }
);

labelled_enum!(
    /// What came of a referral, as the chargé de mission learns it.
    ReferralOutcome, "la suite donnée" {
        Pending => "pending", "En attente";
        TakenUp => "taken_up", "Prise en charge";
        Declined => "declined", "Non prise en charge";
        NoContact => "no_contact", "Sans nouvelles";
    }
);
